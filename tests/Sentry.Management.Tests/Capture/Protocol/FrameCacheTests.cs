using System.Diagnostics;
using Sentry.Management.Capture.Protocol;

namespace Sentry.Management.Tests.Capture.Protocol;

/// <summary>
/// Written frames are kept per method and IL offset: two throw sites in one method are two entries, a frame never
/// written is not found, and a second write of a known frame neither replaces nor counts.
/// </summary>
public class FrameCacheTests
{
    [Test]
    public void Frames_are_kept_per_method_and_il_offset()
    {
        var (first, second) = TwoThrowSitesOfOneMethod();
        Assert.That(first.GetMethod(), Is.SameAs(second.GetMethod()));
        Assert.That(first.GetILOffset(), Is.Not.EqualTo(second.GetILOffset()));

        var cache = new FrameCache();
        var firstInfo = new FrameInfo([1]);
        var secondInfo = new FrameInfo([2]);
        Assert.That(cache.TryGet(first), Is.Null);

        cache.TryAdd(first, firstInfo);
        Assert.That(cache.TryGet(second), Is.Null, "another offset of the same method is another frame");
        cache.TryAdd(second, secondInfo);
        cache.TryAdd(first, new FrameInfo([3]));

        Assert.Multiple(() =>
        {
            Assert.That(cache.TryGet(first), Is.SameAs(firstInfo), "the first write stays");
            Assert.That(cache.TryGet(second), Is.SameAs(secondInfo));
            Assert.That(cache.Count, Is.EqualTo(2));
        });
    }

    private static (StackFrame First, StackFrame Second) TwoThrowSitesOfOneMethod()
    {
        StackFrame? first = null;
        StackFrame? second = null;
        for (var site = 0; site < 2; site++)
        {
            try
            {
                Throw(site);
            }
            catch (InvalidOperationException ex)
            {
                var frame = new StackTrace(ex, fNeedFileInfo: false).GetFrame(0)!;
                if (site == 0)
                {
                    first = frame;
                }
                else
                {
                    second = frame;
                }
            }
        }

        return (first!, second!);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Throw(int site)
    {
        if (site == 0)
        {
            throw new InvalidOperationException("first site");
        }

        throw new InvalidOperationException("second site");
    }
}
