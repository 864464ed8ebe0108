using System.Globalization;
using BenchmarkDotNet.Running;
using Sentry.Management.Benchmarks;
using Sentry.Management.Benchmarks.Management;

// `--prepare [seconds]` loops envelope preparation for a profile, `--stream [counts...]` walks issues through the pageable, `--ratelimit [issues] [details] [bulk/s] [details/s] [naive seconds]`
// runs the rate-limit probe against the local Sentry; `--delivery [events] [concurrency|default] [warm-up events]` runs the delivery probe (`--delivery-ours [events] [rounds] [concurrency|default]` ours alone), `--fluent [events] [rounds]`
// the fluent-chain probe, `--burst [events] [threads] [link ms] [queue]` the burst-into-a-slow-sink probe; anything else goes to BenchmarkDotNet.
// `--sink process` anywhere runs the delivery probes' sink in a child process of its own (`--sink-server [latency ms]`),
// as Sentry's ingestion is in production, and reports its CPU beside the app's.
var sinkFlag = Array.IndexOf(args, "--sink");
if (sinkFlag >= 0 && sinkFlag + 1 < args.Length)
{
    BenchSink.OutOfProcess = args[sinkFlag + 1] switch
    {
        "process" => true,
        "inproc" => false,
        _ => throw new ArgumentException($"--sink takes 'process' or 'inproc', not '{args[sinkFlag + 1]}'."),
    };
    args = [.. args.Take(sinkFlag), .. args.Skip(sinkFlag + 2)];
}

if (args.Length > 0 && args[0] == "--sink-server")
{
    await BenchSink.ServeAsync(TimeSpan.FromMilliseconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0));
    return;
}

if (args.Length > 0 && args[0] == "--fluent")
{
    await FluentProbe.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20);
    return;
}

if (args.Length > 0 && args[0] == "--burst")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
    await BurstProbe.RunAsync(Arg(1, 20_000), Arg(2, 8), Arg(3, 3), Arg(4, 1000));
    return;
}

if (args.Length > 0 && args[0] == "--stream")
{
    await StreamProbe.RunAsync(args.Length > 1 ? [.. args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1000, 10000, 100000]);
    return;
}

if (args.Length > 0 && args[0] == "--pipetime")
{
    await PipelineTimeProbe.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20000);
    return;
}

if (args.Length > 0 && args[0] == "--layers")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
    // A fifth argument, comma-separated row numbers (0 is the handwritten call, always kept), runs those rows only.
    var subset = args.Length > 5 ? args[5].Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : null;
    await LayerTimeProbe.RunAsync(Arg(1, 3000), Arg(2, 10), Arg(3, 5000), Arg(4, -1), subset);
    return;
}

if (args.Length > 0 && args[0] == "--spread")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
    await LoopbackSpreadProbe.RunAsync(Arg(1, 2000), Arg(2, 10), Arg(3, 20000), args.Length > 4 && args[4] == "block");
    return;
}

if (args.Length > 0 && args[0] == "--inmem")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
    await InMemoryLayerProbe.RunAsync(Arg(1, 20000), Arg(2, 15), args.Length > 3 && args[3] == "yield");
    return;
}

if (args.Length > 0 && args[0] == "--pagelayers")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
    await PageLayerProbe.RunAsync(Arg(1, 500), Arg(2, 15), args.Length > 3 ? args[3] : null, args.Length > 4 && args[4] == "loopback");
    return;
}

if (args.Length > 0 && args[0] == "--allocs")
{
    await AllocationProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 400);
    return;
}

if (args.Length > 0 && args[0] == "--ratelimit")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
    await RateLimitProbe.RunAsync(Arg(1, 10000), Arg(2, 2000), Arg(3, 10), Arg(4, 100), TimeSpan.FromSeconds(Arg(5, 10)));
    return;
}

if (args.Length > 0 && args[0] == "--prepare")
{
    // For a CPU profile (perf record): envelope preparation alone, in a loop, for the given seconds.
    // `--prepare cold [warm-up] [count]`: the same steps in a fresh process, timed as the delivery window sees them.
    if (args.Length > 1 && args[1] == "cold")
    {
        EnvelopePreparationBenchmarks.Cold(
            args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200,
            args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2000);
        return;
    }

    EnvelopePreparationBenchmarks.Loop(TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20));
    return;
}

if (args.Length > 0 && args[0] == "--codecs")
{
    CodecProbe.Run(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
    return;
}

if (args.Length > 0 && args[0] == "--delivery-ours")
{
    var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
    var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
    int? concurrency = args.Length > 3 && args[3] != "default" ? int.Parse(args[3], CultureInfo.InvariantCulture) : null;
    await DeliveryProbe.RunOursAsync(events, rounds, concurrency);
    return;
}

if (args.Length > 0 && args[0] == "--tls")
{
    // `--tls [events] [rounds] [concurrency]`: ours over TLS to a Kestrel sink offering HTTP/1.1 only, then HTTP/2 too.
    await TlsProtocolProbe.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : new Sentry.Management.SentryCaptureOptions().MaxConcurrentSends);
    return;
}

if (args.Length > 0 && args[0] == "--floor")
{
    // `--floor [events] [latency ms] [concurrency...]`: the bare-HttpClient floor alone, at several concurrencies.
    var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
    var latency = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2);
    foreach (var sends in args.Length > 3 ? args.Skip(3).Select(a => int.Parse(a, CultureInfo.InvariantCulture)) : [16])
    {
        var (perSecond, cpu, sinkCpu) = await HttpFloorProbe.MeasureAsync(events, sends, latency, 900);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor, +{latency.TotalMilliseconds} ms, {sends} concurrent: {perSecond:F0} posts/s, {cpu:F0} us CPU/post{(BenchSink.OutOfProcess ? $", sink process {sinkCpu:F0} us/post" : "")}"));
    }

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
