using LogTriage.Input;
using LogTriage.Rules;

namespace LogTriage.Tests.Engine;

/// <summary>The NRules side: thresholds, explanations and ranking, on a small rule set of its own.</summary>
public class CauseEngineTests
{
    private const string RuleText = """
        causes:
          - { id: auth, title: Auth, summary: s, diagnosis: d, fix: [f] }
          - { id: network, title: Network, summary: s, diagnosis: d, fix: [f] }
          - { id: server-bug, title: Bug, summary: s, diagnosis: d, fix: [f] }
          - { id: unreachable, title: Down, summary: s, diagnosis: d, fix: [f] }
        rules:
          - id: auth.error
            cause: auth
            severity: warning
            confidence: 0.5
            source: server
            when: { level: [ERR], message: { regex: '^authentication error', contains: authentication error } }
          - id: auth.repeated
            cause: auth
            severity: error
            confidence: 0.9
            threshold: { rule: auth.error, count: 3, within: 60s, per: address }
          - id: net.reset
            cause: network
            severity: error
            confidence: 0.9
            when: { message: { contains: connection reset by peer } }
          - id: bug.panic
            cause: server-bug
            severity: warning
            confidence: 0.6
            when: { level: [FTL], message: { regex: '^panic: ' } }
            explains: { causes: [network], within: 5m }
          - id: down.shutdown
            cause: unreachable
            severity: info
            when: { message: { contains: Server Exiting } }
        """;

    private static readonly LogAnalyzer Analyzer = new(new RuleSetLoader().LoadFiles([("engine.yaml", () => new StringReader(RuleText))]));

    private static AnalysisResult Analyze(string log) => Analyzer.Analyze([InputSource.FromText("test.log", log)]);

    [Test]
    public void A_threshold_fires_when_enough_signals_of_one_address_fall_in_the_window()
    {
        var result = Analyze("""
            [7] 2026/11/25 10:00:00.000001 [ERR] 10.0.0.5:40001 - cid:4 - authentication error
            [7] 2026/11/25 10:00:20.000001 [ERR] 10.0.0.5:40002 - cid:5 - authentication error
            [7] 2026/11/25 10:00:40.000001 [ERR] 10.0.0.5:40003 - cid:6 - authentication error
            """);
        var auth = result.Causes.Single();
        Assert.That(auth.Rules, Is.EqualTo(new[] { "auth.repeated", "auth.error" }));
        Assert.That(auth.Count, Is.EqualTo(3), "threshold findings do not count their signals twice");
        Assert.That(auth.Severity, Is.EqualTo(Severity.Error));
        Assert.That(auth.Connections, Does.Contain("address 10.0.0.5"));
    }

    [Test]
    public void A_threshold_does_not_fire_when_the_signals_are_spread_out()
    {
        var result = Analyze("""
            [7] 2026/11/25 10:00:00.000001 [ERR] 10.0.0.5:40001 - cid:4 - authentication error
            [7] 2026/11/25 10:00:50.000001 [ERR] 10.0.0.5:40002 - cid:5 - authentication error
            [7] 2026/11/25 10:01:10.000001 [ERR] 10.0.0.5:40003 - cid:6 - authentication error
            """);
        Assert.That(result.Causes.Single().Rules, Is.EqualTo(new[] { "auth.error" }));
    }

    [Test]
    public void A_threshold_counts_per_address()
    {
        var result = Analyze("""
            [7] 2026/11/25 10:00:00.000001 [ERR] 10.0.0.5:40001 - cid:4 - authentication error
            [7] 2026/11/25 10:00:01.000001 [ERR] 10.0.0.6:40002 - cid:5 - authentication error
            [7] 2026/11/25 10:00:02.000001 [ERR] 10.0.0.7:40003 - cid:6 - authentication error
            """);
        Assert.That(result.Causes.Single().Rules, Is.EqualTo(new[] { "auth.error" }));
    }

    [Test]
    public void A_root_cause_outranks_the_symptoms_that_follow_it()
    {
        // Alone, the resets score higher than the panic (error 0.9 against warning 0.6).
        var result = Analyze("""
            [7] 2026/11/25 10:00:00.000001 [INF] Server is ready
            panic: runtime error: invalid memory address or nil pointer dereference
            [signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x9b1c2a]

            goroutine 1 [running]:
            main.main()
            	/src/main.go:10 +0x2a
            2026/11/25 10:00:03 Disconnected due to: read tcp 10.0.0.12:53110->10.0.0.1:4222: read: connection reset by peer
            """);
        Assert.That(result.Causes.Select(c => c.Cause).ToList(), Is.EqualTo(new[] { "server-bug", "network" }));
        Assert.That(result.Causes[1].ExplainedBy, Is.EqualTo(new[] { "server-bug" }));
        Assert.That(result.Causes[1].Confidence, Is.LessThan(0.9));
    }

    [Test]
    public void Symptoms_before_the_root_cause_are_not_explained_by_it()
    {
        var result = Analyze("""
            [7] 2026/11/25 09:00:00.000001 [INF] 10.0.0.12:53110 - cid:3 - Error flushing: write tcp 10.0.0.1:4222->10.0.0.12:53110: connection reset by peer
            [7] 2026/11/25 10:00:00.000001 [INF] Server is ready
            panic: runtime error: index out of range [3] with length 3
            """);
        Assert.That(result.Causes.Select(c => c.Cause).ToList(), Is.EqualTo(new[] { "network", "server-bug" }));
        Assert.That(result.Causes[0].ExplainedBy, Is.Empty);
    }

    [Test]
    public void Two_root_causes_hours_apart_do_not_explain_what_happened_between_them()
    {
        var result = Analyze("""
            [7] 2026/11/25 08:00:00.000001 [INF] Server is ready
            panic: runtime error: index out of range [3] with length 3
            [8] 2026/11/25 12:00:00.000001 [INF] 10.0.0.12:53110 - cid:3 - Error flushing: write tcp 10.0.0.1:4222->10.0.0.12:53110: connection reset by peer
            [9] 2026/11/25 16:00:00.000001 [INF] Server is ready
            panic: runtime error: index out of range [3] with length 3
            """);
        Assert.That(result.Causes.Single(c => c.Cause == "network").ExplainedBy, Is.Empty);
    }

    [Test]
    public void Info_findings_are_context_not_causes()
    {
        var result = Analyze("[7] 2026/11/25 10:00:00.000001 [INF] Server Exiting..");
        Assert.That(result.Causes, Is.Empty);
        Assert.That(result.Context.Single().Cause, Is.EqualTo("unreachable"));
    }

    [Test]
    public void Nothing_is_reported_for_lines_no_rule_knows()
    {
        var result = Analyze("[7] 2026/11/25 10:00:00.000001 [INF] Server is ready");
        Assert.That(result.Causes, Is.Empty);
        Assert.That(result.Context, Is.Empty);
        Assert.That(result.Events, Is.EqualTo(1));
    }
}
