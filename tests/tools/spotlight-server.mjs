// Starts Spotlight's sidecar through its library entry point (its CLI would start telemetry of its own)
// on the port given as the first argument (0 picks a free one), then prints the port it got.
import { setupSpotlight } from '@spotlightjs/spotlight';

const port = Number(process.argv[2] ?? 0);
const server = await setupSpotlight({ port, isStandalone: true });
if (!server) {
  console.error('Spotlight did not start (another sidecar already answers on that port).');
  process.exit(1);
}

const address = server.address();
console.log(`SPOTLIGHT_LISTENING ${address.address} ${address.port}`);
