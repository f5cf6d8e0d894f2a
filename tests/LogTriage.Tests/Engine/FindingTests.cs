using LogTriage.Engine;
using LogTriage.Parsing;
using LogTriage.Signals;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Engine;

/// <summary>A finding is made of its facts in the order of the log, never in the order the session holds them.</summary>
public class FindingTests
{
    [Test]
    public void A_window_whose_facts_begin_at_one_moment_is_one_finding_whatever_order_they_arrived_in()
    {
        // One host refused at the same microsecond by two servers: two facts, one window.
        var rule = ShippedRules.Rules.RulesById["server.auth.repeated-failures"];
        var time = new DateTimeOffset(2026, 11, 25, 10, 0, 1, TimeSpan.Zero);
        SignalFact Fact(string input, long line) => new(rule.Threshold!.RuleId, "auth", EventOrigin.Server, input,
            new FactKey(["address", "input"], ["10.0.0.5", input]), 2, time, time.AddSeconds(3), true,
            [new LogEvent(input, line, time, LogLevel.Error, EventOrigin.Server, null, "authentication error", "authentication error")], []);
        var a = Fact("a.log", 40);
        var b = Fact("b.log", 12);

        var one = Finding.OfWindow(rule, rule.Threshold!.Per, [a, b]);
        var other = Finding.OfWindow(rule, rule.Threshold!.Per, [b, a]);
        Assert.That(other.Key, Is.EqualTo(one.Key));
        Assert.That(other.Evidence, Is.EqualTo(one.Evidence));
        Assert.That(one.Key["input"], Is.EqualTo("a.log"));
    }
}
