// Preloaded into the Prism process by PrismServer (node --require). If the test host that started Prism dies
// without running its clean-up (killed, crashed, cancelled hard), Prism exits too instead of lingering on a port.
'use strict';
const hostPid = Number(process.env.SENTRY_MANAGEMENT_TEST_HOST_PID);
if (Number.isInteger(hostPid) && hostPid > 0) {
  setInterval(() => {
    try {
      process.kill(hostPid, 0); // signal 0: only checks that the process exists
    } catch {
      process.exit(0);
    }
  }, 1000).unref();
}
