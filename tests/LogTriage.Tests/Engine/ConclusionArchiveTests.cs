using LogTriage.Engine;
using LogTriage.Parsing;
using LogTriage.Signals;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Engine;

/// <summary>
/// Conclusions are put in the order of the log, never of the session's memory (which differs
/// between an interpreted and a compiled session, and with the order facts arrived in): the report
/// samples evidence from findings in that order.
/// </summary>
public class ConclusionArchiveTests
{
    private static LogEvent Event(long line, int second) =>
        new("server.log", line, new DateTimeOffset(2026, 11, 25, 10, 0, second, TimeSpan.Zero), LogLevel.Info, EventOrigin.Server, null,
            "Slow Consumer Detected: WriteDeadline of 10s exceeded", $"[7] 2026/11/25 10:00:{second:00}.000000 [INF] Slow Consumer Detected: WriteDeadline of 10s exceeded");

    [Test]
    public void The_two_windows_of_a_threshold_that_start_at_one_fact_are_ordered_by_what_they_hold()
    {
        // The windows of both phases begin with the same fact; the second one reaches further.
        var rule = ShippedRules.Rules.RulesById["server.overload.repeated-slow-consumer-write-deadline"];
        var first = Event(10, 1);
        var shorter = new Finding(rule, FactKey.None, 3, 3, first.Time!.Value, first.Time!.Value.AddSeconds(20), [first, Event(20, 11), Event(30, 21)], []);
        var longer = shorter with { Count = 4, Lines = 4, Last = first.Time!.Value.AddSeconds(40), Evidence = [first, Event(20, 11), Event(30, 21), Event(40, 41)] };

        var one = new ConclusionArchive().ToConclusions([shorter, longer], [], []).Findings;
        var other = new ConclusionArchive().ToConclusions([longer, shorter], [], []).Findings;
        Assert.That(other, Is.EqualTo(one));
        Assert.That(one, Is.EqualTo(new[] { shorter, longer }));
    }
}
