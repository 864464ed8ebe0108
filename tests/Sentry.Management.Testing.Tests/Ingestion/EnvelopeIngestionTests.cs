using System.Text;
using Sentry.Management.Testing.Tests.TestSupport;

namespace Sentry.Management.Testing.Tests.Ingestion;

public sealed class EnvelopeIngestionTests
{
    private LocalSentry _sentry = null!;
    private LocalSentryHttp _http = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sentry = await LocalSentry.StartAsync();
        _http = new LocalSentryHttp(_sentry);
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _sentry.DisposeAsync();
    }

    [Test]
    public async Task Accepts_a_plain_event_envelope_and_groups_it()
    {
        using var response = await _http.PostEnvelopeAsync(Envelopes.Event(new { message = "Order 17 failed", level = "warning" }));
        var events = await _sentry.Received.WaitForEventsAsync(1);

        Assert.Multiple(async () =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Match("^\\{\"id\":\"[0-9a-f]{32}\"\\}$"));
            Assert.That(events[0].Message, Is.EqualTo("Order 17 failed"));
            Assert.That(events[0].Level, Is.EqualTo("warning"));
            Assert.That(events[0].IssueShortId, Is.EqualTo("APP-1"));
        });
    }

    [Test]
    public async Task Accepts_a_gzipped_envelope()
    {
        using var response = await _http.PostEnvelopeAsync(Envelopes.Event(new { message = "compressed" }), gzip: true);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(_sentry.Received.Events.Single().Message, Is.EqualTo("compressed"));
    }

    [Test]
    public async Task Accepts_the_legacy_store_endpoint_with_the_key_in_the_query()
    {
        using var content = new StringContent("{\"message\":\"stored the old way\",\"level\":\"info\"}", Encoding.UTF8, "application/json");
        using var response = await _http.Client.PostAsync($"api/{_sentry.Project.Id}/store/?sentry_key={_http.PublicKey}&sentry_version=7", content);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(_sentry.Received.Events.Single().Message, Is.EqualTo("stored the old way"));
    }

    [Test]
    public async Task Refuses_requests_without_a_valid_key_with_401_and_counts_them()
    {
        using var missing = await _http.PostEnvelopeAsync(Envelopes.Event(new { message = "x" }), auth: false);
        using var content = new StringContent(Envelopes.Event(new { message = "x" }));
        using var unknown = await _http.Client.PostAsync($"api/{_sentry.Project.Id}/envelope/?sentry_key={new string('a', 32)}", content);

        Assert.Multiple(async () =>
        {
            Assert.That((int)missing.StatusCode, Is.EqualTo(401));
            Assert.That(missing.Headers.GetValues("X-Sentry-Error").Single(), Does.StartWith("missing authorization information"));
            Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain("\"detail\":\"missing authorization information"));
            Assert.That((int)unknown.StatusCode, Is.EqualTo(401));
            Assert.That(_sentry.Received.Events, Is.Empty);
            Assert.That(_sentry.Received.Rejections.Select(r => r.StatusCode), Is.EqualTo(new[] { 401, 401 }));
        });
    }

    [TestCase("not json\n", "envelope header is not valid JSON")]
    [TestCase("{}\n{\"length\":2}\n{}\n", "item 0 header has no \"type\"")]
    [TestCase("{}\n{\"type\":\"event\",\"length\":500}\n{}\n", "item 0 (event) is truncated: \"length\" is 500 but only 3 bytes remain")]
    [TestCase("{}\n{\"type\":\"event\",\"length\":2}\n{}x\n", "item 0 (event) payload is longer than its \"length\" 2")]
    [TestCase("{}\n{\"type\":\"event\"}\n{not json}\n", "item 0 (event) payload is not valid JSON")]
    [TestCase("{}\n{\"type\":\"session\"}\n{\"sid\":\"x\"}\n", "item 0 (session): a session needs attrs.release")]
    public async Task Answers_400_with_the_reason_for_a_malformed_envelope_and_counts_it(string body, string reason)
    {
        using var response = await _http.PostEnvelopeAsync(body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400), text);
            Assert.That(System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), Does.StartWith(reason));
            Assert.That(_sentry.Received.Rejections, Has.Count.EqualTo(1));
            Assert.That(_sentry.Received.Rejections[0].Reason, Does.StartWith(reason));
            Assert.That(_sentry.Received.Envelopes, Is.Empty);
        });
    }

    [Test]
    public async Task A_malformed_item_rejects_the_whole_envelope_so_nothing_is_half_stored()
    {
        var body = Envelopes.Build("{}",
            Envelopes.Item("event", "{\"message\":\"first\"}"),
            ("{\"type\":\"event\"}", Encoding.UTF8.GetBytes("[1,2]")));

        using var response = await _http.PostEnvelopeAsync(body);
        var issues = await _http.GetJsonAsync($"/api/0/organizations/{_sentry.Organization}/issues/?query=");

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(issues.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Reads_binary_attachments_by_length_even_with_newlines_inside()
    {
        byte[] binary = [0, 1, 2, (byte)'\n', 255, (byte)'\n', (byte)'\n', 7];
        var body = Envelopes.Build("{\"event_id\":\"" + Envelopes.NewId() + "\"}",
            Envelopes.Item("event", "{\"message\":\"with attachment\"}"),
            ($"{{\"type\":\"attachment\",\"length\":{binary.Length},\"filename\":\"dump.bin\",\"content_type\":\"application/octet-stream\"}}", binary),
            ("{\"type\":\"client_report\"}", Encoding.UTF8.GetBytes("{\"timestamp\":1700000000,\"discarded_events\":[{\"reason\":\"queue_overflow\",\"category\":\"error\",\"quantity\":3}]}")));

        using var response = await _http.PostEnvelopeAsync(body);

        var attachment = _sentry.Received.Attachments.Single();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(attachment.Payload.ToArray(), Is.EqualTo(binary));
            Assert.That(attachment.Filename, Is.EqualTo("dump.bin"));
            Assert.That(attachment.ContentType, Is.EqualTo("application/octet-stream"));
            Assert.That(_sentry.Received.ClientReports, Has.Count.EqualTo(1));
            Assert.That(_sentry.Received.Envelopes.Single().Items.Select(i => i.Type), Is.EqualTo(new[] { "event", "attachment", "client_report" }));
        });
    }

    [Test]
    public async Task Accepts_every_item_type_the_sdks_send()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = Envelopes.Build("{}",
            Envelopes.Item("transaction", $"{{\"type\":\"transaction\",\"transaction\":\"GET /pumps\",\"start_timestamp\":{now - 1},\"timestamp\":{now},\"contexts\":{{\"trace\":{{\"trace_id\":\"{Envelopes.NewId()}\",\"span_id\":\"0123456789abcdef\"}}}}}}"),
            Envelopes.Item("session", "{\"sid\":\"" + Guid.NewGuid() + "\",\"init\":true,\"status\":\"ok\",\"attrs\":{\"release\":\"app@1.0\"}}"),
            Envelopes.Item("sessions", "{\"aggregates\":[{\"started\":\"2026-12-01T07:00:00Z\",\"exited\":5,\"crashed\":1}],\"attrs\":{\"release\":\"app@1.0\"}}"),
            Envelopes.Item("log", "{\"items\":[{\"timestamp\":1700000000.5,\"level\":\"info\",\"body\":\"pump started\",\"trace_id\":\"" + Envelopes.NewId() + "\"},{\"level\":\"error\",\"body\":\"pump stopped\"}]}"),
            Envelopes.Item("trace_metric", "{\"items\":[{\"name\":\"pump.rpm\",\"type\":\"gauge\",\"value\":1450.5}]}"),
            Envelopes.Item("unknown_future_item", "{}"));

        using var response = await _http.PostEnvelopeAsync(body);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(_sentry.Received.Transactions.Single().Transaction, Is.EqualTo("GET /pumps"));
            Assert.That(_sentry.Received.Sessions, Has.Count.EqualTo(2));
            Assert.That(_sentry.Received.Logs.Select(l => l.Body), Is.EqualTo(new[] { "pump started", "pump stopped" }));
            Assert.That(_sentry.Received.Metrics.Single().Value, Is.EqualTo(1450.5));
            Assert.That(_sentry.Received.Envelopes.Single().Items, Has.Count.EqualTo(6));
        });
    }

    [Test]
    public async Task Waiting_for_events_that_never_come_times_out_with_what_was_received()
    {
        var error = Assert.ThrowsAsync<TimeoutException>(() => _sentry.Received.WaitForEventsAsync(1, TimeSpan.FromMilliseconds(50)));

        Assert.That(error!.Message, Does.Contain("Expected 1 event(s)").And.Contain("received 0"));
        await Task.CompletedTask;
    }

    [Test]
    public async Task Answers_the_cors_preflight_of_browser_sdks()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, $"api/{_sentry.Project.Id}/envelope/");
        request.Headers.Add("Origin", "http://localhost:3000");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        using var response = await _http.Client.SendAsync(request);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("*"));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Headers").Single(), Does.Contain("X-Sentry-Auth"));
        });
    }
}
