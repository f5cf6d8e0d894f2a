using System.Text.Json;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Cli;

/// <summary>A scheduled scan over a log that grows, is rotated and gets a partial last line: every finding reported once.</summary>
public class ScanCommandTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("logtriage-scan-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    private (JsonElement Report, CliRun Run) Scan(string logs, string state)
    {
        var run = CliRun.Of("scan", logs, "--state", state, "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        return (JsonDocument.Parse(run.Out).RootElement, run);
    }

    private static List<long> EvidenceLines(JsonElement report, string cause) =>
        report.GetProperty("causes").EnumerateArray().Where(c => c.GetProperty("cause").GetString() == cause)
            .SelectMany(c => c.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("line").GetInt64())).ToList();

    [Test]
    public void A_state_file_in_a_folder_that_does_not_exist_yet_creates_the_folder()
    {
        var state = Path.Combine(_dir, "var", "lib", "logtriage", "scan.state");
        var (report, _) = Scan(RepositoryPaths.Sample("auth-wrong-password.log"), state);
        Assert.That(File.Exists(state), Is.True);
        Assert.That(report.GetProperty("causes")[0].GetProperty("cause").GetString(), Is.EqualTo("auth"));
        var (again, _) = Scan(RepositoryPaths.Sample("auth-wrong-password.log"), state);
        Assert.That(again.GetProperty("causes").GetArrayLength(), Is.EqualTo(0), "the second scan has nothing new");
    }

    [Test]
    public void A_growing_then_rotated_log_reports_each_finding_once()
    {
        var auth = File.ReadAllLines(RepositoryPaths.Sample("auth-wrong-password.log"));
        var failures = auth.Select((l, i) => (l, i)).Where(x => x.l.Contains("authentication error")).Select(x => x.i).ToList();
        var logs = Path.Combine(_dir, "logs");
        Directory.CreateDirectory(logs);
        var log = Path.Combine(logs, "nats.log");
        var state = Path.Combine(_dir, "scan.state");

        // First run: the log up to and including the first failure.
        File.WriteAllLines(log, auth[..(failures[0] + 1)]);
        var (first, firstRun) = Scan(logs, state);
        Assert.That(EvidenceLines(first, "auth"), Is.EqualTo(new long[] { failures[0] + 1 }));
        Assert.That(firstRun.Error, Does.Contain("logtriage scan: 1 file(s)"));

        // The log grows, with a last line still being written, then is rotated; a new file starts.
        File.AppendAllText(log, string.Join('\n', auth[(failures[0] + 1)..]) + "\n" + "[21540] 2026/11/26 19:44:41.000001 [ERR] 127.0.0.1:1 - cid:9 - authentication");
        File.Move(log, log + ".1");
        var payload = File.ReadAllLines(RepositoryPaths.Sample("max-payload-exceeded.log"));
        File.WriteAllLines(log, payload);

        var (second, _) = Scan(logs, state);
        var authLines = EvidenceLines(second, "auth");
        Assert.That(authLines, Does.Not.Contain((long)failures[0] + 1), "the first failure was reported by the first run");
        Assert.That(authLines, Does.Contain((long)failures[1] + 1), "line numbers are the file's own");
        Assert.That(second.GetProperty("causes").EnumerateArray().Select(c => c.GetProperty("cause").GetString()), Does.Contain("payload"));

        // Nothing new: nothing reported. Then the partial line is completed: it is read, once.
        var (third, _) = Scan(logs, state);
        Assert.That(third.GetProperty("causes").GetArrayLength(), Is.EqualTo(0));
        File.AppendAllText(log + ".1", " error\n");
        var (fourth, _) = Scan(logs, state);
        Assert.That(EvidenceLines(fourth, "auth"), Is.EqualTo(new long[] { auth.Length + 1 }));
    }

    [Test]
    public void A_truncated_log_is_read_again_from_its_start()
    {
        var log = Path.Combine(_dir, "nats.log");
        var state = Path.Combine(_dir, "scan.state");
        File.Copy(RepositoryPaths.Sample("max-connections.log"), log);
        Scan(log, state);
        var lines = File.ReadAllLines(RepositoryPaths.Sample("max-connections.log"));
        File.WriteAllLines(log, lines[..3].Concat(lines.Where(l => l.Contains("maximum connections exceeded")).Take(1)));
        var (report, _) = Scan(log, state);
        Assert.That(report.GetProperty("causes")[0].GetProperty("cause").GetString(), Is.EqualTo("overload"));
    }

    [Test]
    public void Fail_on_gives_cron_an_exit_code_and_a_bad_state_file_is_a_usage_error()
    {
        var state = Path.Combine(_dir, "scan.state");
        Assert.That(CliRun.Of("scan", RepositoryPaths.Sample("auth-wrong-password.log"), "--state", state, "--fail-on", "error").ExitCode, Is.EqualTo(1));
        Assert.That(CliRun.Of("scan", RepositoryPaths.Sample("auth-wrong-password.log"), "--state", state, "--fail-on", "error").ExitCode, Is.EqualTo(0),
            "nothing new on the second run");
        File.WriteAllText(state, "not json");
        var bad = CliRun.Of("scan", RepositoryPaths.Sample("healthy.log"), "--state", state);
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
    }
}
