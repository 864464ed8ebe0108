using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;
using Sentry.Management.Testing.Faults;
using Sentry.Management.Testing.Hosting;
using Sentry.Management.Testing.Storage;

namespace Sentry.Management.Testing.Tests.Faults;

/// <summary>When a request holds its concurrency slot, taken apart from a server's timing.</summary>
public sealed class FaultMiddlewareTests
{
    [Test]
    public async Task A_request_holds_its_concurrency_slot_until_its_answer_starts_and_not_after()
    {
        // As Sentry's middleware ends a request before its answer is sent: a client that sends its next request the
        // moment an answer arrives must find the slot free. Over loopback the gap was a race (0 to 8 late 429s in
        // 2,000 paced calls); here the answer's start is driven by hand.
        var state = new LocalServerState(new LocalSentryOptions(), new LocalData(new MemoryStore()), NullLoggerFactory.Instance);
        state.Faults.Management.Limit(concurrent: 1);
        var response = new StartableResponse();
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseFeature>(response);
        context.Request.Path = "/api/0/organizations/local/";
        bool? whileHandled = null, onceAnswering = null;
        var middleware = new FaultMiddleware(async _ =>
        {
            whileHandled = SlotFree(state);
            await response.StartAsync();
            onceAnswering = SlotFree(state);
        }, state);

        await middleware.InvokeAsync(context);

        Assert.Multiple(() =>
        {
            Assert.That(whileHandled, Is.False, "the request did not hold its slot while it was handled");
            Assert.That(onceAnswering, Is.True, "the slot was still taken once the answer started");
            Assert.That(SlotFree(state), Is.True, "the slot was freed twice or not at all");
            Assert.That(context.Response.Headers["X-Sentry-Rate-Limit-ConcurrentLimit"].ToString(), Is.EqualTo("1"));
        });
    }

    private static bool SlotFree(LocalServerState state)
    {
        using var lease = state.Faults.Management.Admit();
        return lease.Admitted;
    }

    /// <summary>A response whose start (the moment a server runs its <c>OnStarting</c> callbacks) the test decides.</summary>
    private sealed class StartableResponse : IHttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _starting = [];

        public int StatusCode { get; set; } = 200;

        public string? ReasonPhrase { get; set; }

        public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

        public Stream Body { get; set; } = Stream.Null;

        public bool HasStarted { get; private set; }

        public void OnStarting(Func<object, Task> callback, object state) => _starting.Add((callback, state));

        public void OnCompleted(Func<object, Task> callback, object state)
        {
        }

        public async Task StartAsync()
        {
            HasStarted = true;
            foreach (var (callback, state) in _starting)
            {
                await callback(state);
            }
        }
    }
}
