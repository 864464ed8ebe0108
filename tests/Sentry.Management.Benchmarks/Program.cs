using System.Globalization;
using BenchmarkDotNet.Running;
using Sentry.Management.Benchmarks;

// `--delivery [events] [concurrency|default] [warm-up events]` runs the delivery probe, `--fluent [events] [rounds]`
// the fluent-chain probe; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--fluent")
{
    await FluentProbe.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20);
    return;
}

if (args.Length > 0 && args[0] == "--delivery")
{
    var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
    int? concurrency = args.Length > 2 && args[2] != "default" ? int.Parse(args[2], CultureInfo.InvariantCulture) : null;
    var warmup = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
    await DeliveryProbe.RunAsync(events, concurrency, warmup);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CaptureBenchmarks).Assembly).Run(args);
