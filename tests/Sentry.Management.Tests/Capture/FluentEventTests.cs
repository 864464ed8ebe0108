using Sentry.Management.Tests.Capture.Support;

namespace Sentry.Management.Tests.Capture;

/// <summary>The seed's captureException call as one chain, and what it sends.</summary>
public class FluentEventTests
{
    [Test]
    public async Task The_chain_sends_user_tags_extra_fingerprint_and_level()
    {
        var handler = new RecordingHandler();
        var options = TestOptions.Create();
        options.SendDefaultPii = true;
        Guid id;
        await using (var capture = new SentryCaptureClient(options, handler))
        {
            id = capture.Exception(Thrown.By(() => throw new TimeoutException("payment provider did not answer")))
                .User(id: "42", email: "ann@example.com", username: "ann")
                .Tag("area", "payments")
                .Extra("orderId", 17)
                .Fingerprint("payment-processing", "{{ default }}")
                .Level(EventLevel.Fatal)
                .Capture();
            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
        }

        var json = handler.Items("event").Single().Json;
        Assert.Multiple(() =>
        {
            Assert.That(id, Is.Not.EqualTo(Guid.Empty));
            Assert.That(json.GetProperty("event_id").GetString(), Is.EqualTo(id.ToString("N")));
            Assert.That(json.GetProperty("level").GetString(), Is.EqualTo("fatal"));
            Assert.That(json.GetProperty("user").GetProperty("id").GetString(), Is.EqualTo("42"));
            Assert.That(json.GetProperty("user").GetProperty("email").GetString(), Is.EqualTo("ann@example.com"));
            Assert.That(json.GetProperty("user").GetProperty("username").GetString(), Is.EqualTo("ann"));
            Assert.That(json.GetProperty("tags").GetProperty("area").GetString(), Is.EqualTo("payments"));
            Assert.That(json.GetProperty("extra").GetProperty("orderId").GetInt32(), Is.EqualTo(17));
            Assert.That(json.GetProperty("fingerprint").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "payment-processing", "{{ default }}" }));
            Assert.That(json.GetProperty("exception").GetProperty("values")[0].GetProperty("type").GetString(), Is.EqualTo("System.TimeoutException"));
        });
    }

    [Test]
    public async Task A_message_chain_keeps_its_level_and_bad_input_never_throws()
    {
        var handler = new RecordingHandler();
        await using (var capture = new SentryCaptureClient(TestOptions.Create(), handler))
        {
            capture.Message("cart abandoned", EventLevel.Warning).Tag("step", "payment").Tag(null!, "ignored").Extra("", 1).Capture();
            Assert.That(capture.Exception(null).Tag("a", "b").Capture(), Is.EqualTo(Guid.Empty));
            Assert.That(capture.Message(null).Capture(), Is.EqualTo(Guid.Empty));
            Assert.That(default(ErrorEventBuilder).Tag("a", "b").Capture(), Is.EqualTo(Guid.Empty));
            Assert.That(await capture.FlushAsync(TimeSpan.FromSeconds(10)), Is.True);
            Assert.That(capture.Counters.Captured(SentryDataCategory.Error), Is.EqualTo(1));
        }

        var json = handler.Items("event").Single().Json;
        Assert.That(json.GetProperty("message").GetProperty("formatted").GetString(), Is.EqualTo("cart abandoned"));
        Assert.That(json.GetProperty("level").GetString(), Is.EqualTo("warning"));
        Assert.That(json.GetProperty("tags").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "step" }));
    }

    [Test]
    public void A_users_fake_sees_every_capture_path_in_CaptureEvent()
    {
        var fake = new FakeCapture();
        var checkout = new Checkout(fake);

        checkout.Pay(orderId: 17);

        Assert.That(fake.Events, Has.Count.EqualTo(2));
        var failure = fake.Events[0];
        Assert.Multiple(() =>
        {
            Assert.That(failure.Exception, Is.TypeOf<TimeoutException>());
            Assert.That(failure.Tags["area"], Is.EqualTo("payments"));
            Assert.That(failure.Extra["orderId"], Is.EqualTo(17));
            Assert.That(failure.User?.Id, Is.EqualTo("42"));
            Assert.That(failure.Fingerprint, Is.EqualTo(new[] { "payment-processing", "{{ default }}" }));
            Assert.That(fake.Events[1].Message, Is.EqualTo("payment retried"));
            Assert.That(fake.Events[1].Level, Is.EqualTo(EventLevel.Warning));
        });
    }

    // What a user writes in their own tests: derive, override the one sink, and hand the fake to the code under test.
    private sealed class FakeCapture : SentryCaptureClient
    {
        public List<ErrorEvent> Events { get; } = [];

        public override Guid CaptureEvent(ErrorEvent? errorEvent)
        {
            Events.Add(errorEvent!);
            return Guid.NewGuid();
        }
    }

    private sealed class Checkout(SentryCaptureClient sentry)
    {
        public void Pay(int orderId)
        {
            try
            {
                throw new TimeoutException("payment provider did not answer");
            }
            catch (TimeoutException ex)
            {
                sentry.Exception(ex).User(id: "42").Tag("area", "payments").Extra("orderId", orderId)
                    .Fingerprint("payment-processing", "{{ default }}").Capture();
                sentry.CaptureMessage("payment retried", EventLevel.Warning);
            }
        }
    }
}
