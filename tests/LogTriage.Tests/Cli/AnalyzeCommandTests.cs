using System.IO.Compression;
using System.Text.Json;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Cli;

public class AnalyzeCommandTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("logtriage-cli-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Reads_standard_input()
    {
        var log = File.ReadAllText(RepositoryPaths.Sample("max-payload-exceeded.log"));
        var run = CliRun.WithInput(log, "analyze", "-", "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.That(report.GetProperty("causes")[0].GetProperty("cause").GetString(), Is.EqualTo("payload"));
        Assert.That(report.GetProperty("inputs")[0].GetProperty("name").GetString(), Is.EqualTo("-"));
    }

    [Test]
    public void Reads_gzip_by_content_not_by_name()
    {
        var path = Path.Combine(_dir, "server.log");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var source = File.OpenRead(RepositoryPaths.Sample("auth-wrong-password.log")))
            source.CopyTo(gzip);

        var run = CliRun.Of("analyze", path, "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(JsonDocument.Parse(run.Out).RootElement.GetProperty("causes")[0].GetProperty("cause").GetString(), Is.EqualTo("auth"));
    }

    [Test]
    public void Fail_on_gives_exit_code_1_when_a_cause_is_severe_enough()
    {
        var sample = RepositoryPaths.Sample("auth-wrong-password.log");
        Assert.That(CliRun.Of("analyze", sample, "--fail-on", "warning").ExitCode, Is.EqualTo(1));
        Assert.That(CliRun.Of("analyze", RepositoryPaths.Sample("healthy.log"), "--fail-on", "info").ExitCode, Is.EqualTo(0));
    }

    [Test]
    public void A_missing_input_is_one_line_and_exit_code_2()
    {
        var run = CliRun.Of("analyze", Path.Combine(_dir, "nope.log"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(2));
        Assert.That(run.Error, Does.Contain("nope.log: no such file or directory"));
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public void A_missing_input_beside_a_good_one_is_reported_and_the_good_one_analysed()
    {
        var run = CliRun.Of("analyze", Path.Combine(_dir, "nope.log"), RepositoryPaths.Sample("slow-consumer.log"), "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Error, Does.Contain("nope.log"));
        Assert.That(JsonDocument.Parse(run.Out).RootElement.GetProperty("causes")[0].GetProperty("cause").GetString(), Is.EqualTo("overload"));
    }

    [Test]
    public void An_unknown_option_is_a_usage_error()
    {
        var run = CliRun.Of("analyze", "x.log", "--colour", "red");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void Invalid_rules_are_reported_with_position_and_exit_code_2()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.yaml"), "rules:\n  - id: x\n    cause: auth\n    when: { message: { regex: '(' } }\n");
        var run = CliRun.Of("analyze", RepositoryPaths.Sample("healthy.log"), "--rules", _dir);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("bad.yaml:2:5"));
    }

    [Test]
    public void Out_writes_the_report_and_never_overwrites_without_force()
    {
        var path = Path.Combine(_dir, "report.md");
        var sample = RepositoryPaths.Sample("max-connections.log");
        Assert.That(CliRun.Of("analyze", sample, "--format", "markdown", "--out", path).ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllText(path), Does.StartWith("# LogTriage report"));

        File.WriteAllText(path, "mine");
        var refused = CliRun.Of("analyze", sample, "--out", path);
        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(File.ReadAllText(path), Is.EqualTo("mine"));

        Assert.That(CliRun.Of("analyze", sample, "--out", path, "--force").ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllText(path), Is.Not.EqualTo("mine"));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(1), "no temporary file is left behind");
    }

    [Test]
    public void Out_refuses_to_overwrite_an_input()
    {
        var copy = Path.Combine(_dir, "server.log");
        File.Copy(RepositoryPaths.Sample("healthy.log"), copy);
        var run = CliRun.Of("analyze", copy, "--out", copy, "--force");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(File.ReadAllText(copy), Is.EqualTo(File.ReadAllText(RepositoryPaths.Sample("healthy.log"))));
    }

    [Test]
    public void Text_and_markdown_reports_name_the_cause_and_its_fix()
    {
        var sample = RepositoryPaths.Sample("slow-consumer.log");
        var text = CliRun.Of("analyze", sample).Out;
        var markdown = CliRun.Of("analyze", sample, "--format", "markdown").Out;
        Assert.That(text, Does.Contain("(overload)").And.Contain("What to do:").And.Contain("Slow Consumer"));
        Assert.That(markdown, Does.Contain("`overload`").And.Contain("```text").And.Contain("Slow Consumer"));
    }
}
