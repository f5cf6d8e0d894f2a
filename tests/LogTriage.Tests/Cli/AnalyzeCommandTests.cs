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
        Assert.That(text, Does.Contain("(overload)").And.Contain("Fix: ").And.Contain("Slow Consumer"));
        var details = CliRun.Of("analyze", sample, "--details").Out;
        Assert.That(details, Does.Contain("What to check:").And.Contain("What to do:"));
        Assert.That(markdown, Does.Contain("`overload`").And.Contain("```text").And.Contain("Slow Consumer"));
    }

    [Test]
    public void Reads_a_rotated_set_in_a_directory_in_time_order()
    {
        // The four failures of one client, split over a rotated set: the threshold (3 within 60 s
        // from one address) holds only when the files are read in time order, oldest (.2.gz) first.
        var lines = File.ReadAllLines(RepositoryPaths.Sample("auth-wrong-password.log"));
        var failures = lines.Select((l, i) => (l, i)).Where(x => x.l.Contains("authentication error")).Select(x => x.i).ToList();
        var cut1 = failures[1];
        var cut2 = failures[3];
        var dir = Path.Combine(_dir, "logs");
        Directory.CreateDirectory(dir);
        using (var gz = new GZipStream(File.Create(Path.Combine(dir, "nats.log.2.gz")), CompressionLevel.Fastest))
            gz.Write(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines[..cut1]) + "\n"));
        File.WriteAllLines(Path.Combine(dir, "nats.log.1"), lines[cut1..cut2]);
        File.WriteAllLines(Path.Combine(dir, "nats.log"), lines[cut2..]);
        File.WriteAllText(Path.Combine(dir, "nats.conf"), "port: 4222\n");

        var run = CliRun.Of("analyze", dir, "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.That(report.GetProperty("inputs").EnumerateArray().Select(i => Path.GetFileName(i.GetProperty("name").GetString())),
            Is.EquivalentTo(new[] { "nats.log", "nats.log.1", "nats.log.2.gz" }), "the config file is not a log");
        var auth = report.GetProperty("causes")[0];
        Assert.That(auth.GetProperty("cause").GetString(), Is.EqualTo("auth"));
        Assert.That(auth.GetProperty("rules").EnumerateArray().Select(r => r.GetString()), Does.Contain("server.auth.repeated-failures"));
    }

    [Test]
    public void Since_and_until_keep_only_the_window()
    {
        var sample = RepositoryPaths.Sample("auth-wrong-password.log");
        var lines = File.ReadAllLines(sample);
        var firstFailure = lines.First(l => l.Contains("authentication error"));
        var stamp = firstFailure.Split(' ')[1] + "T" + firstFailure.Split(' ')[2] + "Z";
        var start = DateTimeOffset.Parse(stamp.Replace('/', '-'));

        var before = CliRun.Of("analyze", sample, "--format", "json", "--until", start.AddMilliseconds(-1).ToString("O"));
        Assert.That(JsonDocument.Parse(before.Out).RootElement.GetProperty("causes").GetArrayLength(), Is.EqualTo(0));

        var after = CliRun.Of("analyze", sample, "--format", "json", "--since", start.ToString("O"));
        Assert.That(JsonDocument.Parse(after.Out).RootElement.GetProperty("causes")[0].GetProperty("cause").GetString(), Is.EqualTo("auth"));

        var recent = CliRun.Of("analyze", sample, "--format", "json", "--since", "1h");
        Assert.That(recent.ExitCode, Is.EqualTo(0));

        var bad = CliRun.Of("analyze", sample, "--since", "yesterday-ish");
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.Error, Does.Contain("--since"));
    }

    [Test]
    public void Reads_a_glob()
    {
        var run = CliRun.Of("analyze", Path.Combine(RepositoryPaths.Samples, "max-*.log"), "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var inputs = JsonDocument.Parse(run.Out).RootElement.GetProperty("inputs").EnumerateArray().Select(i => Path.GetFileName(i.GetProperty("name").GetString())).ToList();
        Assert.That(inputs, Is.EquivalentTo(new[] { "max-connections.log", "max-payload-exceeded.log" }));
    }

    [Test]
    public void Append_adds_csv_rows_without_repeating_the_header()
    {
        var csv = Path.Combine(_dir, "scan.csv");
        Assert.That(CliRun.Of("analyze", RepositoryPaths.Sample("auth-wrong-password.log"), "--format", "csv", "--out", csv, "--append").ExitCode, Is.EqualTo(0));
        Assert.That(CliRun.Of("analyze", RepositoryPaths.Sample("max-connections.log"), "--format", "csv", "--out", csv, "--append").ExitCode, Is.EqualTo(0));
        var lines = File.ReadAllLines(csv);
        Assert.That(lines.Count(l => l.StartsWith("scan_time,")), Is.EqualTo(1));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[3]), Is.EqualTo(new[] { "auth", "overload" }));

        File.WriteAllText(Path.Combine(_dir, "other.csv"), "a,b\n1,2\n");
        var refused = CliRun.Of("analyze", RepositoryPaths.Sample("healthy.log"), "--format", "csv", "--out", Path.Combine(_dir, "other.csv"), "--append");
        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(CliRun.Of("analyze", RepositoryPaths.Sample("healthy.log"), "--append").ExitCode, Is.EqualTo(2), "--append needs csv and --out");
    }

    [Test]
    public void Html_is_one_self_contained_page()
    {
        var run = CliRun.Of("analyze", RepositoryPaths.Sample("go-panic.log"), "--format", "html");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Out, Does.StartWith("<!DOCTYPE html>").And.Contain("<svg").And.Contain("server-bug"));
        Assert.That(run.Out, Does.Not.Contain("<script").And.Not.Contain("src=\"http"));

        // Each evidence line comes with the lines around it in its file.
        var lines = File.ReadAllLines(RepositoryPaths.Sample("go-panic.log"));
        var panic = Array.FindIndex(lines, l => l.StartsWith("panic:"));
        Assert.That(run.Out, Does.Contain($"<span class=\"ctx\">{System.Net.WebUtility.HtmlEncode(lines[panic - 1])}</span>"));
    }
}
