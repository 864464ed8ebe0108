using Microsoft.Extensions.Time.Testing;
using Sentry.Management.Http;

namespace Sentry.Management.Tests.Http;

public class DeadlinesTests
{
    [Test]
    public void A_deadline_on_a_fake_clock_expires_when_that_clock_passes_it()
    {
        var time = new FakeTimeProvider();
        var deadlines = new Deadlines(time);

        var deadline = deadlines.Start(TimeSpan.FromSeconds(5), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.That(deadline.Token.IsCancellationRequested, Is.False);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(deadline.Expired(CancellationToken.None), Is.True);
        deadlines.Return(deadline);
    }

    [Test]
    public void A_cancelled_parent_cancels_the_deadline_but_does_not_count_as_expired()
    {
        var deadlines = new Deadlines(new FakeTimeProvider());
        using var parent = new CancellationTokenSource();

        var deadline = deadlines.Start(TimeSpan.FromSeconds(5), parent.Token);
        parent.Cancel();

        Assert.That(deadline.Token.IsCancellationRequested, Is.True);
        Assert.That(deadline.Expired(parent.Token), Is.False);
        deadlines.Return(deadline);
    }

    [Test]
    public void A_returned_system_clock_deadline_is_reused_re_armed_and_unhooked_from_its_old_parent()
    {
        var deadlines = new Deadlines(TimeProvider.System);
        using var firstParent = new CancellationTokenSource();

        var first = deadlines.Start(TimeSpan.FromMinutes(5), firstParent.Token);
        var source = first.Source;
        deadlines.Return(first);
        var second = deadlines.Start(TimeSpan.FromMilliseconds(50), CancellationToken.None);

        Assert.That(second.Source, Is.SameAs(source), "the source is pooled, not allocated again");
        firstParent.Cancel();
        Assert.That(second.Token.IsCancellationRequested, Is.False, "the old parent no longer reaches it");
        Assert.That(second.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(10)), Is.True, "re-armed with the new delay");
        Assert.That(second.Expired(CancellationToken.None), Is.True);
        deadlines.Return(second);
    }

    [Test]
    public void An_expired_deadline_is_not_reused()
    {
        var deadlines = new Deadlines(TimeProvider.System);
        using var parent = new CancellationTokenSource();

        var first = deadlines.Start(TimeSpan.FromMinutes(5), parent.Token);
        parent.Cancel();
        deadlines.Return(first);
        var second = deadlines.Start(TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.That(second.Source, Is.Not.SameAs(first.Source));
        Assert.That(second.Token.IsCancellationRequested, Is.False);
        deadlines.Return(second);
    }
}
