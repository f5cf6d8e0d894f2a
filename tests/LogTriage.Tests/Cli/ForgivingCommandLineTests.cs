using System.Text.Json;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Cli;

/// <summary>Mistakes people make at the command line get one line that says what to type instead.</summary>
public class ForgivingCommandLineTests
{
    private static string Sample => RepositoryPaths.Sample("auth-wrong-password.log");

    [Test]
    public void Analyse_is_the_same_command_as_analyze()
    {
        var british = CliRun.Of("analyse", Sample, "--format", "json");
        var american = CliRun.Of("analyze", Sample, "--format", "json");
        Assert.That(british.ExitCode, Is.EqualTo(american.ExitCode), british.Error);
        Assert.That(JsonDocument.Parse(british.Out).RootElement.GetProperty("causes")[0].GetProperty("cause").GetString(),
            Is.EqualTo("auth"));
    }

    [TestCase(new[] { "analyz", "x.log" }, "did you mean 'analyze'?")]
    [TestCase(new[] { "scna", "x.log" }, "did you mean 'scan'?")]
    [TestCase(new[] { "rules", "tset" }, "did you mean 'rules test'?")]
    [TestCase(new[] { "frobnicate" }, "the commands are analyze, rules, probe, scan")]
    [TestCase(new string[0], "no command given")]
    [TestCase(new[] { "rules" }, "'rules' needs one of: list, validate, test, explain")]
    public void A_mistyped_or_missing_command_names_what_exists(string[] args, string expected)
    {
        var run = CliRun.Of(args);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(expected));
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Error);
    }

    [TestCase("--formt", "did you mean '--format'?")]
    [TestCase("--fail-onn=warning", "did you mean '--fail-on'?")]
    [TestCase("--sinse", "did you mean '--since'?")]
    public void A_mistyped_option_suggests_the_nearest(string option, string expected)
    {
        var run = CliRun.Of("analyze", Sample, option, "json");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(expected));
    }

    [Test]
    public void A_bad_format_is_one_line_naming_the_formats()
    {
        var run = CliRun.Of("analyze", Sample, "--format", "nonsense");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain("'json'").And.Contain("'html'").And.Contain("nonsense"));
    }

    [Test]
    public void Since_after_until_is_an_error()
    {
        var run = CliRun.Of("analyze", Sample, "--since", "2026-11-25T12:00:00Z", "--until", "2026-11-25T10:00:00Z");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("is after --until"));
    }

    [Test]
    public void An_empty_time_window_says_so_with_the_span_the_input_covers()
    {
        var run = CliRun.Of("analyze", Sample, "--since", "2030-01-01", "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var warnings = JsonDocument.Parse(run.Out).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.That(warnings, Has.One.Contains("no event falls within the --since/--until window").And.Contains("2026-11-26"));

        var inside = CliRun.Of("analyze", Sample, "--since", "2026-11-01", "--format", "json");
        Assert.That(JsonDocument.Parse(inside.Out).RootElement.GetProperty("warnings").GetArrayLength(), Is.EqualTo(0));
    }

    [Test]
    public void A_json_lines_level_of_an_unexpected_type_is_treated_as_missing()
    {
        var dir = Directory.CreateTempSubdirectory("logtriage-cli-").FullName;
        try
        {
            var path = Path.Combine(dir, "app.log");
            File.WriteAllLines(path,
            [
                """{"level":30.5,"time":"2026-11-25T10:00:00Z","msg":"nats: authorization violation"}""",
                """{"level":true,"time":"2026-11-25T10:00:01Z","msg":"nats: authorization violation"}""",
                """{"level":{"n":1},"time":"2026-11-25T10:00:02Z","msg":"nats: authorization violation"}""",
                """{"level":99999999999,"time":"2026-11-25T10:00:03Z","msg":"nats: authorization violation"}""",
            ]);
            var run = CliRun.Of("analyze", path, "--format", "json");
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(JsonDocument.Parse(run.Out).RootElement.GetProperty("causes")[0].GetProperty("cause").GetString(), Is.EqualTo("auth"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
