using LogTriage.Input;
using LogTriage.Engine;
using LogTriage.Tests.Pipeline;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Engine;

/// <summary>
/// Each rule's facts are kept as long as the constructs that read them look back, not as long as
/// the longest window of any rule: one six-hour sequence over start-ups must not keep every
/// connection's signals for six hours.
/// </summary>
public class FactRetentionTests
{
    private static readonly TimeSpan Floor = TimeSpan.FromMinutes(2);

    [Test]
    public void A_rule_read_by_a_long_sequence_is_kept_for_its_window()
    {
        var retention = new FactRetention(ShippedRules.Rules, Floor);
        var sequence = ShippedRules.Rules.RulesById["server.unreachable.restarted"].Sequence!;
        Assert.That(retention.Of("server.unreachable.server-start"), Is.GreaterThanOrEqualTo(sequence.Within));
        Assert.That(retention.Longest, Is.GreaterThanOrEqualTo(sequence.Within));
    }

    [Test]
    public void A_rule_read_only_by_short_windows_is_kept_briefly()
    {
        var retention = new FactRetention(ShippedRules.Rules, Floor);
        var threshold = ShippedRules.Rules.Rules.Single(r => r.Threshold?.RuleId == "server.auth.authentication-error").Threshold!;
        var kept = retention.Of("server.auth.authentication-error");
        Assert.That(kept, Is.GreaterThanOrEqualTo(threshold.Within).And.GreaterThanOrEqualTo(Floor));
        Assert.That(kept, Is.LessThan(retention.Longest), "not the longest window of the whole rule set");
    }

    [Test]
    public void A_rule_no_construct_reads_is_kept_for_the_floor()
    {
        var retention = new FactRetention(ShippedRules.Rules, Floor);
        Assert.That(retention.Of("no.such.rule"), Is.EqualTo(Floor));
    }

    [Test]
    public void A_long_dense_log_keeps_only_recent_facts_and_counts_every_signal()
    {
        // About 70 minutes of log at a signal every 7 lines, spread over many client addresses.
        var bytes = ParallelPipelineTests.GeneratedLog(lines: 200_000, signalEvery: 7, addresses: 20_000);
        var result = ShippedRules.Analyzer.Analyze([new InputSource("long.log", () => new MemoryStream(bytes, writable: false), bytes.Length)]);
        var engine = result.Engine!;
        Assert.That(engine.LiveFacts, Is.LessThan(engine.FactsInserted / 3), "facts the stream left behind were retracted");
        var planted = System.Text.Encoding.UTF8.GetString(bytes).Split('\n').Count(l => l.EndsWith("authentication error", StringComparison.Ordinal));
        Assert.That(result.Causes.Single(c => c.Cause == "auth").Count, Is.EqualTo(planted), "retracted facts still count");
    }
}
