using LogTriage.Input;
using LogTriage.Rules;

namespace LogTriage.Tests.Engine;

/// <summary>
/// Each construct of the rule language is decided by the compiled NRules rules, so changing one
/// number or key in the YAML, and nothing in C#, changes the outcome. Every test runs the same
/// log through two versions of one rule file that differ in that one value.
/// </summary>
public class RuleConstructTests
{
    private const string Causes = """
        causes:
          - { id: auth, title: Auth, summary: s, diagnosis: d, fix: [f] }
          - { id: network, title: Network, summary: s, diagnosis: d, fix: [f] }
          - { id: server-bug, title: Bug, summary: s, diagnosis: d, fix: [f] }
          - { id: unreachable, title: Down, summary: s, diagnosis: d, fix: [f] }
          - { id: payload, title: Payload, summary: s, diagnosis: d, fix: [f] }
        """;

    // Three authentication errors from one host, 20 s apart, as nats-server writes them.
    private const string AuthErrors = """
        [7] 2026/11/25 10:00:00.000001 [ERR] 10.0.0.5:40001 - cid:4 - authentication error
        [7] 2026/11/25 10:00:20.000001 [ERR] 10.0.0.5:40002 - cid:5 - authentication error
        [7] 2026/11/25 10:00:40.000001 [ERR] 10.0.0.5:40003 - cid:6 - authentication error
        """;

    private const string AuthRule = """
          - id: auth.error
            cause: auth
            severity: warning
            source: server
            when: { level: [ERR], message: { contains: authentication error } }
        """;

    private static AnalysisResult Analyze(string rules, params (string Name, string Text)[] logs)
    {
        var set = new RuleSetLoader().LoadFiles([("constructs.yaml", () => new StringReader(Causes + "\nrules:\n" + rules))]);
        return new LogAnalyzer(set).Analyze(logs.Select(l => InputSource.FromText(l.Name, l.Text)));
    }

    private static IEnumerable<string> Fired(AnalysisResult result) =>
        result.Causes.Concat(result.Context).SelectMany(c => c.Rules).Order(StringComparer.Ordinal);

    private static string Threshold(int count, string within, string per) => AuthRule + "\n" + $$"""
          - id: auth.repeated
            cause: auth
            severity: error
            threshold: { rule: auth.error, count: {{count}}, within: {{within}}, per: {{per}} }
        """;

    [TestCase(3, "60s", "address", true)]
    [TestCase(4, "60s", "address", false)]
    [TestCase(3, "30s", "address", false)]
    [TestCase(2, "30s", "address", true)]
    [TestCase(3, "60s", "connection", false)]
    [TestCase(3, "60s", "input", true)]
    public void Threshold_count_window_and_key(int count, string within, string per, bool fires)
    {
        var result = Analyze(Threshold(count, within, per), ("server.log", AuthErrors));
        Assert.That(Fired(result), fires ? Does.Contain("auth.repeated") : Does.Not.Contain("auth.repeated"));
        Assert.That(Fired(result), Does.Contain("auth.error"));
    }

    private const string ShutdownThenDisconnect = """
          - id: down.shutdown
            cause: unreachable
            severity: info
            source: server
            when: { message: { contains: Initiating Shutdown } }
          - id: client.disconnected
            cause: network
            severity: warning
            source: client
            when: { message: { contains: Disconnected due to } }
        """;

    private static readonly (string, string)[] ShutdownLogs =
    [
        ("server.log", "[7] 2026/11/25 10:00:00.100000 [INF] Initiating Shutdown...\n"),
        ("client.log", "2026/11/25 10:00:03 Disconnected due to: EOF, will attempt reconnects for 10m\n"),
    ];

    [TestCase("5s", true)]
    [TestCase("1s", false)]
    public void Sequence_within(string within, bool fires)
    {
        var rules = ShutdownThenDisconnect + "\n" + $$"""
              - id: outage
                cause: unreachable
                severity: error
                sequence: { first: [down.shutdown], then: [client.disconnected], within: {{within}} }
            """;
        Assert.That(Fired(Analyze(rules, ShutdownLogs)), fires ? Does.Contain("outage") : Does.Not.Contain("outage"));
    }

    [TestCase("before: 10s", false)]
    [TestCase("before: 1s", true)]
    [TestCase("after: 10s", true)]
    public void Unless_span(string span, bool fires)
    {
        // The disconnect is a cause unless a graceful shutdown came just before it.
        var rules = ShutdownThenDisconnect.Replace("when: { message: { contains: Disconnected due to } }",
            $"when: {{ message: {{ contains: Disconnected due to }} }}\n    unless: {{ rules: [down.shutdown], {span} }}");
        var result = Analyze(rules, ShutdownLogs);
        Assert.That(result.Causes.Select(c => c.Cause), fires ? Does.Contain("network") : Does.Not.Contain("network"));
    }

    private const string Starts = """
          - id: start
            cause: unreachable
            severity: info
            source: server
            when: { message: { regex: '^Starting nats-server', contains: Starting nats-server } }
          - id: stop
            cause: unreachable
            severity: info
            source: server
            when: { message: { contains: Initiating Shutdown } }
        """;

    [TestCase("stop", false)]
    [TestCase("start", true)]
    public void Unless_between_the_halves_of_a_sequence(string absent, bool fires)
    {
        var rules = Starts + "\n" + $$"""
              - id: unclean-restart
                cause: unreachable
                severity: error
                sequence: { first: [start], then: [start], within: 1h, same: input }
                unless: { rules: [{{absent}}], between: true, same: input }
            """;
        var log = """
            [1] 2026/11/25 10:00:00.000001 [INF] Starting nats-server
            [1] 2026/11/25 10:10:00.000001 [INF] Initiating Shutdown...
            [1] 2026/11/25 10:10:01.000001 [INF] Starting nats-server
            """;
        Assert.That(Fired(Analyze(rules, ("server.log", log))), fires ? Does.Contain("unclean-restart") : Does.Not.Contain("unclean-restart"));
    }

    [TestCase("network", true)]
    [TestCase("auth", false)]
    public void Explains_names_the_causes_it_accounts_for(string explained, bool explains)
    {
        var rules = $$"""
              - id: bug.panic
                cause: server-bug
                severity: critical
                when: { message: { regex: '^panic: ', contains: 'panic: ' } }
                explains: { causes: [{{explained}}], within: 5m }
              - id: net.reset
                cause: network
                severity: error
                when: { message: { contains: connection reset by peer } }
            """;
        var log = """
            [7] 2026/11/25 10:00:00.000001 [INF] Server is ready
            panic: runtime error: invalid memory address or nil pointer dereference
            [8] 2026/11/25 10:00:30.000001 [INF] 10.0.0.12:53110 - cid:3 - Error flushing: write tcp 10.0.0.1:4222->10.0.0.12:53110: write: connection reset by peer
            """;
        var network = Analyze(rules, ("server.log", log)).Causes.Single(c => c.Cause == "network");
        Assert.That(network.ExplainedBy, explains ? Is.EqualTo(new[] { "server-bug" }) : Is.Empty);
    }

    [TestCase("10.0.0.5", 0, 3)]
    [TestCase("10.0.0.9", 3, 0)]
    public void Exceptions_hold_back_and_count(string address, int found, int suppressed)
    {
        var rules = AuthRule + "\n" + $$"""
                exceptions:
                  - { name: health-checker, fields: { address: "{{address}}" } }
            """;
        var result = Analyze(rules, ("server.log", AuthErrors));
        Assert.That(result.Causes.Sum(c => c.Count), Is.EqualTo(found));
        Assert.That(result.Suppressed.Sum(s => s.Signals), Is.EqualTo(suppressed));
        if (suppressed > 0)
            Assert.That(result.Suppressed.Single().Exception, Is.EqualTo("health-checker"));
    }

    [TestCase("size > 2MB", false)]
    [TestCase("size >= 2MB", true)]
    [TestCase("size > limit", true)]
    [TestCase("size < limit", false)]
    public void Where_compares_captured_fields_as_numbers(string where, bool fires)
    {
        var rules = $$"""
              - id: payload.big
                cause: payload
                severity: error
                when:
                  message: { contains: maximum payload exceeded, regex: 'maximum payload exceeded: (?<size>\d+) vs (?<limit>\d+)' }
                  where: ["{{where}}"]
            """;
        var log = "[7] 2026/11/25 10:00:00.000001 [ERR] 10.0.0.5:40001 - cid:4 - maximum payload exceeded: 2097152 vs 1048576\n";
        Assert.That(Fired(Analyze(rules, ("server.log", log))), fires ? Does.Contain("payload.big") : Does.Not.Contain("payload.big"));
    }

    [TestCase("0.5")]
    [TestCase("0.9")]
    public void Scoring_constants_come_from_the_rule_files(string penalty)
    {
        var rules = $$"""
              - id: bug.panic
                cause: server-bug
                severity: critical
                when: { message: { regex: '^panic: ', contains: 'panic: ' } }
                explains: { causes: [network], within: 5m }
              - id: net.reset
                cause: network
                severity: error
                confidence: 0.8
                when: { message: { contains: connection reset by peer } }
            """;
        var log = """
            [7] 2026/11/25 10:00:00.000001 [INF] Server is ready
            panic: runtime error: invalid memory address or nil pointer dereference
            [8] 2026/11/25 10:00:30.000001 [INF] 10.0.0.12:53110 - cid:3 - Error flushing: write tcp 10.0.0.1:4222->10.0.0.12:53110: write: connection reset by peer
            """;
        var set = new RuleSetLoader().LoadFiles([("constructs.yaml", () => new StringReader(
            Causes + $"\nscoring:\n  explained-penalty: {penalty}\n  first-bonus: 0\n  volume-damping: 0\n  breadth-weight: 0\nrules:\n" + rules))]);
        var network = new LogAnalyzer(set).Analyze([InputSource.FromText("server.log", log)]).Causes.Single(c => c.Cause == "network");
        // One reset line alone is capped at the single-signal confidence (0.7), then scaled by the penalty.
        Assert.That(network.Confidence, Is.EqualTo(0.7 * (1 - double.Parse(penalty, System.Globalization.CultureInfo.InvariantCulture))).Within(0.001));
    }
}
