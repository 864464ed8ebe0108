using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sentry.Management.Benchmarks;

/// <summary>
/// Our delivery over TLS to a Kestrel sink on 127.0.0.1 that offers HTTP/1.1 only or HTTP/1.1 and HTTP/2 (ALPN):
/// the sender asks for 2.0 with <c>RequestVersionOrLower</c>, so the second runs every send as a stream of one
/// connection, the first as up to <c>MaxConcurrentSends</c> connections. Same events, same latency, same process.
/// </summary>
internal static class TlsProtocolProbe
{
    public static async Task RunAsync(int events, int rounds, int concurrency)
    {
        using var certificate = SelfSigned();
        var exceptions = Workload.ThrownExceptions((events + 200) * rounds * 4 + 1);
        var offset = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var latency in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(2) })
            {
                foreach (var protocols in new[] { HttpProtocols.Http1, HttpProtocols.Http1AndHttp2 })
                {
                    var (perSecond, cpu, versions) = await MeasureAsync(certificate, protocols, latency, exceptions, offset, events, concurrency);
                    offset += events + 200;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round + 1} TLS {(protocols == HttpProtocols.Http1 ? "h1" : "h2")} {(latency == TimeSpan.Zero ? "instant" : "+2 ms")}, {concurrency} sends: {perSecond:F0} events/s, process CPU {cpu:F0} us/event, {versions}"));
                }
            }
        }
    }

    private static async Task<(double PerSecond, double CpuMicros, string Versions)> MeasureAsync(X509Certificate2 certificate, HttpProtocols protocols, TimeSpan latency, Exception[] pool, int start, int events, int concurrency)
    {
        long accepted = 0;
        long h2 = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.Http2.MaxStreamsPerConnection = 256;
            k.Listen(IPAddress.Loopback, 0, l =>
            {
                l.Protocols = protocols;
                l.UseHttps(certificate);
            });
        });
        await using var app = builder.Build();
        app.MapPost("/api/{project}/envelope/", async (HttpContext context) =>
        {
            var buffer = new byte[16 * 1024];
            while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
            {
            }

            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted);
            }

            if (context.Request.Protocol == "HTTP/2")
            {
                Interlocked.Increment(ref h2);
            }

            Interlocked.Increment(ref accepted);
            context.Response.StatusCode = 200;
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            AutomaticDecompression = DecompressionMethods.None,
            // Trusts exactly the probe's own self-signed certificate.
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHash().AsSpan().SequenceEqual(certificate.GetCertHash()) },
        };
        await using var client = Workload.CreateOurs($"https://loopbackkey@127.0.0.1:{address.Port}/1", queue: events * 2, concurrency, handler);
        for (var i = 0; i < 200; i++)
        {
            Workload.CaptureOurs(client, pool[start + i]);
        }

        await client.FlushAsync(TimeSpan.FromMinutes(2));
        Interlocked.Exchange(ref accepted, 0);
        Interlocked.Exchange(ref h2, 0);
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        var cpu0 = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < events; i++)
        {
            Workload.CaptureOurs(client, pool[start + 200 + i]);
        }

        await client.FlushAsync(TimeSpan.FromMinutes(5));
        var elapsed = clock.Elapsed;
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpu0).TotalMicroseconds / events;
        await app.StopAsync();
        return (Interlocked.Read(ref accepted) / elapsed.TotalSeconds, cpu, string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Read(ref h2)} of {Interlocked.Read(ref accepted)} over HTTP/2"));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }
}
