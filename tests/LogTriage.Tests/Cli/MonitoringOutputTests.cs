using System.Text.RegularExpressions;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Cli;

/// <summary>What schedulers and monitoring read: Prometheus textfile metrics and the check plugin's status line.</summary>
public partial class MonitoringOutputTests
{
    // The text exposition format: comments, or name{label="value",...} value
    [GeneratedRegex("""^(?:# (?:HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+|[a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? -?[0-9.eE+-]+)$""")]
    private static partial Regex ExpositionLine();

    [Test]
    public void Prometheus_output_is_valid_exposition_with_every_severity_and_the_causes_found()
    {
        var run = CliRun.Of("analyze", RepositoryPaths.Sample("auth-wrong-password.log"), RepositoryPaths.Sample("healthy.log"), "--format", "prometheus");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.All.Matches(ExpositionLine()));
        Assert.That(run.Out, Does.Not.Contain("\r"));
        Assert.That(lines, Has.One.Match("""^logtriage_cause_signals\{cause="auth",severity="critical"\} [1-9]\d*$"""));
        foreach (var severity in new[] { "info", "warning", "error", "critical" })
            Assert.That(lines, Has.One.StartsWith($"logtriage_causes{{severity=\"{severity}\"}} "));
        Assert.That(lines, Has.One.EqualTo("logtriage_lines_read 41"));
        // Each family declared once, before its samples.
        var types = lines.Where(l => l.StartsWith("# TYPE ")).Select(l => l.Split(' ')[2]).ToList();
        Assert.That(types, Is.Unique);
        Assert.That(lines.Where(l => !l.StartsWith('#')).Select(l => l.Split('{', ' ')[0]).Distinct(), Is.SubsetOf(types));
    }

    [TestCase("auth-wrong-password.log", new string[0], 2, "LOGTRIAGE CRITICAL - auth: ")]
    [TestCase("healthy.log", new string[0], 0, "LOGTRIAGE OK - no cause at warning or above in 17 lines")]
    [TestCase("auth-wrong-password.log", new[] { "--critical-at", "critical", "--warning-at", "critical" }, 2, "LOGTRIAGE CRITICAL")]
    [TestCase("auth-wrong-password.log", new[] { "--min-signals", "1000" }, 0, "LOGTRIAGE OK")]
    [TestCase("healthy.log", new[] { "--warning-at", "info" }, 1, "LOGTRIAGE WARNING - unreachable: ")]
    public void Check_prints_one_status_line_with_perf_data_and_the_plugin_exit_code(string sample, string[] options, int code, string start)
    {
        var run = CliRun.Of(["check", RepositoryPaths.Sample(sample), .. options]);
        Assert.That(run.ExitCode, Is.EqualTo(code), run.Out + run.Error);
        var lines = run.Out.TrimEnd().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(1));
        Assert.That(lines[0], Does.StartWith(start));
        Assert.That(lines[0], Does.Match(@" \| causes_critical=\d+;;;0 causes_error=\d+;;;0 causes_warning=\d+;;;0 causes_info=\d+;;;0 signals=\d+;;;0 lines=\d+;;;0$"));
    }

    [Test]
    public void Skip_leaves_out_a_rule_and_those_built_on_it_and_max_examples_caps_the_evidence()
    {
        var sample = RepositoryPaths.Sample("auth-wrong-password.log");
        var full = System.Text.Json.JsonDocument.Parse(CliRun.Of("analyze", sample, "--format", "json").Out).RootElement.GetProperty("causes")[0];
        Assert.That(full.GetProperty("evidence").GetArrayLength(), Is.GreaterThan(2));

        var run = CliRun.Of("analyze", sample, "--format", "json", "--skip", "server.auth.authentication-error", "--max-examples", "2");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var auth = System.Text.Json.JsonDocument.Parse(run.Out).RootElement.GetProperty("causes")[0];
        var rules = auth.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.That(rules, Has.None.EqualTo("server.auth.authentication-error").And.None.EqualTo("server.auth.repeated-failures"));
        Assert.That(auth.GetProperty("evidence").GetArrayLength(), Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("server.auth.repeated-failures"));

        var unknown = CliRun.Of("analyze", sample, "--skip", "no.such.rule");
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Error, Does.Contain("no.such.rule"));
        Assert.That(CliRun.Of("analyze", sample, "--max-examples", "0").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Check_is_unknown_when_the_logs_cannot_be_read()
    {
        var run = CliRun.Of("check", "/no/such/nats.log");
        Assert.That(run.ExitCode, Is.EqualTo(3));
        Assert.That(run.Out, Does.StartWith("LOGTRIAGE UNKNOWN - "));
    }
}
