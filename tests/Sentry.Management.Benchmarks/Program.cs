using System.Globalization;
using BenchmarkDotNet.Running;
using Sentry.Management.Benchmarks;

// `--delivery [events] [concurrency|default] [warm-up events]` runs the delivery probe; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--delivery")
{
    var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
    int? concurrency = args.Length > 2 && args[2] != "default" ? int.Parse(args[2], CultureInfo.InvariantCulture) : null;
    var warmup = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
    await DeliveryProbe.RunAsync(events, concurrency, warmup);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CaptureBenchmarks).Assembly).Run(args);
