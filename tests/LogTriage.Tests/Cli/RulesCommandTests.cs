using LogTriage.Tests.Support;

namespace LogTriage.Tests.Cli;

public class RulesCommandTests
{
    [Test]
    public void Validate_accepts_the_shipped_rules()
    {
        var run = CliRun.Of("rules", "validate");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.Contain("are valid"));
    }

    [Test]
    public void List_names_every_rule()
    {
        var run = CliRun.Of("rules", "list");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        foreach (var rule in ShippedRules.Rules.Rules)
            Assert.That(run.Out, Does.Contain(rule.Id));
    }

    [Test]
    public void Test_fails_with_a_readable_diff_on_a_wrong_example()
    {
        var dir = Directory.CreateTempSubdirectory("logtriage-rules-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "mine.yaml"), """
                rules:
                  - id: mine.wrong-example
                    cause: auth
                    severity: error
                    when: { level: [ERR], message: { contains: "authentication error" } }
                    examples:
                      match: ['[7] 2026/11/25 04:45:29.587234 [INF] Server is ready']
                      no-match: ['[7] 2026/11/25 04:45:29.587221 [INF] 127.0.0.1:35086 - cid:4 - Client connection created']
                """);
            var run = CliRun.Of("rules", "test", dir);
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Out, Does.Contain("FAIL mine.wrong-example").And.Contain("expected: the rule matches").And.Contain("actual:   it did not match"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void A_users_directory_adds_overrides_and_disables_rules_end_to_end()
    {
        var dir = Directory.CreateTempSubdirectory("logtriage-user-rules-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "mine.yaml"), """
                rules:
                  # new: the startup warning about plain-text passwords, as an auth hygiene finding
                  - id: mine.plaintext-passwords
                    cause: auth
                    title: Passwords are stored in plain text
                    severity: warning
                    confidence: 0.3
                    source: server
                    when: { level: [WRN], message: { contains: "Plaintext passwords detected" } }
                    examples:
                      match: ['[7] 2026/11/25 10:00:00.000001 [WRN] Plaintext passwords detected, use nkeys or bcrypt']
                      no-match: ['[7] 2026/11/25 10:00:00.000001 [INF] Server is ready']
                  # override: the shipped authentication-error rule, made critical
                  - id: server.auth.authentication-error
                    cause: auth
                    title: "Credentials refused (site policy: always critical)"
                    severity: critical
                    confidence: 0.99
                    source: server
                    when: { level: [ERR], message: { contains: "authentication error" } }
                  # disabled: the closed-connection reason rule
                  - id: server.auth.closed-auth
                    disabled: true
                """);

            var run = CliRun.Of("analyze", RepositoryPaths.Sample("auth-wrong-password.log"), "--format", "json", "--rules", dir);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            var auth = System.Text.Json.JsonDocument.Parse(run.Out).RootElement.GetProperty("causes")[0];
            var rules = auth.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ToList();
            Assert.That(rules, Does.Contain("mine.plaintext-passwords"));
            Assert.That(rules, Does.Contain("server.auth.authentication-error"));
            Assert.That(rules, Does.Not.Contain("server.auth.closed-auth"));
            Assert.That(auth.GetProperty("severity").GetString(), Is.EqualTo("critical"));

            var list = CliRun.Of("rules", "list", dir).Out;
            Assert.That(list, Does.Contain("mine.plaintext-passwords"));
            Assert.That(list, Does.Not.Contain("server.auth.closed-auth"));
            Assert.That(list, Does.Match(@"server\.auth\.authentication-error\s+auth\s+critical"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Disabling_a_rule_others_build_on_disables_them_too_and_says_which()
    {
        var dir = Directory.CreateTempSubdirectory("logtriage-user-rules-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "off.yaml"),
                "rules:\n  - id: server.auth.authentication-error\n    disabled: true\n  - id: server.unreachable.server-ready\n    disabled: true\n");
            var run = CliRun.Of("analyze", RepositoryPaths.Sample("auth-wrong-password.log"), "--format", "json", "--rules", dir);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.Error, Does.Contain("'server.auth.repeated-failures' is disabled too"));
            Assert.That(run.Error, Does.Contain("'server.unreachable.restarted' no longer uses 'server.unreachable.server-ready'"));
            Assert.That(run.Error, Does.Not.Contain("invalid rules"));

            var list = CliRun.Of("rules", "list", dir).Out;
            Assert.That(list, Does.Not.Contain("server.auth.repeated-failures"));
            Assert.That(list, Does.Contain("server.unreachable.restarted"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Disabling_an_unknown_rule_is_an_error_with_its_position()
    {
        var dir = Directory.CreateTempSubdirectory("logtriage-user-rules-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "off.yaml"), "rules:\n  - id: no.such.rule\n    disabled: true\n");
            var run = CliRun.Of("rules", "validate", dir);
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain("off.yaml:2:5").And.Contain("no.such.rule"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Explain_describes_a_rule_its_examples_and_its_fix()
    {
        var run = CliRun.Of("rules", "explain", "server.auth.repeated-failures");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.Contain("at least 3 signals of server.auth.authentication-error within 1m, per address"));
        Assert.That(run.Out, Does.Contain("Matches:").And.Contain("What to do:"));
        Assert.That(CliRun.Of("rules", "explain", "nope").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Explain_shows_what_NRules_runs_and_with_a_log_which_facts_fired_it()
    {
        var threshold = CliRun.Of("rules", "explain", "server.auth.repeated-failures", "--log", RepositoryPaths.Sample("auth-wrong-password.log"));
        Assert.That(threshold.ExitCode, Is.EqualTo(0), threshold.Error);
        Assert.That(threshold.Out, Does.Contain("What NRules runs:").And.Contain("aggregate GroupBy").And.Contain("window.Sum(f => f.Count) >= "));
        Assert.That(threshold.Out, Does.Match(@"Fired [1-9]\d* time\(s\)").And.Contain("window [127.0.0.1]"));

        var negation = CliRun.Of("rules", "explain", "server.unreachable.restarted", "--log", RepositoryPaths.Sample("healthy.log"));
        Assert.That(negation.Out, Does.Contain("not (no fact of this kind exists)").And.Contain("Fired 0 time(s)"));
    }
}
