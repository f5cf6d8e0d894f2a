using LogTriage.Input;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Monitoring;

/// <summary>The rules of monitor.yaml on their examples, and the server's close-reason rules on monitor events.</summary>
public class MonitorRuleTests
{
    private static readonly LogAnalyzer Analyzer = new(ShippedRules.Rules, FormatDetectorWithMonitor.Detector);

    private static IEnumerable<TestCaseData> Examples()
    {
        foreach (var rule in ShippedRules.Rules.Rules.Where(r => r.Source == LogTriage.Rules.RuleSource.Monitor))
        {
            foreach (var (example, i) in rule.Examples.Match.Select((e, i) => (e, i)))
                yield return new TestCaseData(rule.Id, example, true).SetName($"monitor rule {rule.Id} matches example {i + 1}");
            foreach (var (example, i) in rule.Examples.NoMatch.Select((e, i) => (e, i)))
                yield return new TestCaseData(rule.Id, example, false).SetName($"monitor rule {rule.Id} does not match example {i + 1}");
        }
    }

    [Test]
    public void Monitor_yaml_has_rules()
    {
        Assert.That(ShippedRules.Rules.Rules.Count(r => r.Source == LogTriage.Rules.RuleSource.Monitor), Is.GreaterThanOrEqualTo(6));
        Assert.That(ShippedRules.Rules.Rules.Where(r => r.Source == LogTriage.Rules.RuleSource.Monitor).Select(r => r.Id), Has.All.StartWith("monitor."));
    }

    [TestCaseSource(nameof(Examples))]
    public void Monitor_rule_example(string ruleId, IReadOnlyList<string> example, bool expectMatch)
    {
        var result = new RuleExampleRunner(Analyzer).RunExample(ShippedRules.Rules.RulesById[ruleId], example, expectMatch);
        Assert.That(result.Matched, Is.EqualTo(expectMatch), $"fired: {string.Join(", ", result.FiredRules)}");
    }

    [TestCase("Authentication Failure", "server.auth.closed-auth")]
    [TestCase("Maximum Message Payload Exceeded", "server.payload.closed-size-limit")]
    [TestCase("Slow Consumer (Pending Bytes)", "server.overload.closed-slow-consumer")]
    [TestCase("Slow Consumer (Write Deadline)", "server.overload.closed-slow-consumer")]
    [TestCase("Stale Connection", "server.network.closed-stale")]
    [TestCase("Server Shutdown", "server.unreachable.closed-server-shutdown")]
    public void A_close_reason_from_connz_fires_the_server_rule(string reason, string ruleId)
    {
        var line = $"monitor 2026-11-26T20:39:44.310028Z DBG {{\"kind\":\"client\",\"cid\":4,\"ip\":\"10.0.0.5\",\"port\":60124,\"name\":\"orders\",\"lang\":\"go\",\"version\":\"1.2.3\"}} Client connection closed: {reason}";
        var result = Analyzer.Analyze([InputSource.FromText("probe", line)]);
        Assert.That(result.Causes.Concat(result.Context).SelectMany(c => c.Rules), Does.Contain(ruleId));
    }

    [Test]
    public void Client_rules_do_not_read_monitor_events()
    {
        var line = "monitor 2026-11-26T20:39:44.310028Z WRN {\"reading\":\"healthz\",\"status\":\"unavailable\",\"error\":\"nats: no servers available for connection\"} Monitor: healthz status unavailable: nats: no servers available for connection";
        var result = Analyzer.Analyze([InputSource.FromText("probe", line)]);
        Assert.That(result.Causes.SelectMany(c => c.Rules), Is.EqualTo(new[] { "monitor.unreachable.healthz-unavailable" }));
    }
}
