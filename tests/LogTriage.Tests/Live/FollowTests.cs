using System.Diagnostics;
using System.Text.Json;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Live;

/// <summary>
/// The real tool as a real process: it follows a file that another process appends to, prints
/// the cause while the input has not ended, and writes the full report when it is stopped with
/// SIGTERM, as a supervisor or a user's Ctrl-C would stop it.
/// </summary>
[NonParallelizable]
public class FollowTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("logtriage-follow-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    private static Process StartTool(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LogTriage.Cli.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    private static void Terminate(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]);
        kill.WaitForExit();
    }

    [Test]
    public void A_followed_file_reports_the_cause_before_the_input_ends_and_the_report_on_SIGTERM()
    {
        var lines = File.ReadAllLines(RepositoryPaths.Sample("auth-wrong-password.log"));
        var firstFailure = Array.FindIndex(lines, l => l.Contains("authentication error"));
        var log = Path.Combine(_dir, "nats.log");
        File.WriteAllLines(log, lines[..firstFailure]);

        using var tool = StartTool("analyze", "--follow", log, "--format", "jsonl", "--fail-on", "error");
        var output = new List<string>();
        var causeSeen = new ManualResetEventSlim();
        tool.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (output)
                output.Add(e.Data);
            if (e.Data.Contains("\"event\":\"cause\"") && e.Data.Contains("\"cause\":\"auth\""))
                causeSeen.Set();
        };
        tool.BeginOutputReadLine();

        try
        {
            // The server keeps logging: the failures arrive while the tool is running.
            using (var writer = new StreamWriter(new FileStream(log, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)))
                foreach (var line in lines[firstFailure..])
                    writer.WriteLine(line);

            Assert.That(causeSeen.Wait(TimeSpan.FromSeconds(30)), Is.True, "the cause is printed while the input is still open:\n" + string.Join("\n", output));
            Assert.That(tool.HasExited, Is.False, "a followed file does not end by itself");

            Terminate(tool);
            Assert.That(tool.WaitForExit(30_000), Is.True);
            tool.WaitForExit();
            Assert.That(tool.ExitCode, Is.EqualTo(1), "--fail-on error holds for the report written on SIGTERM");

            List<string> lines2;
            lock (output)
                lines2 = [.. output];
            var report = JsonDocument.Parse(lines2[^1]).RootElement;
            Assert.That(report.GetProperty("event").GetString(), Is.EqualTo("report"));
            Assert.That(report.GetProperty("causes")[0].GetProperty("cause").GetString(), Is.EqualTo("auth"));
            Assert.That(lines2.Count(l => l.Contains("\"event\":\"cause\"") && l.Contains("\"cause\":\"auth\"")), Is.EqualTo(1),
                "a repeated finding is printed once");
        }
        finally
        {
            if (!tool.HasExited)
                tool.Kill();
        }
    }

    [Test]
    public void Following_survives_rotation_and_truncation()
    {
        var lines = File.ReadAllLines(RepositoryPaths.Sample("max-payload-exceeded.log"));
        var log = Path.Combine(_dir, "nats.log");
        File.WriteAllLines(log, lines.Where(l => !l.Contains("maximum payload") && !l.Contains("Payload Exceeded")));

        using var tool = StartTool("analyze", "--follow", log, "--format", "jsonl");
        var found = new ManualResetEventSlim();
        tool.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("\"cause\":\"payload\"") == true)
                found.Set();
        };
        tool.BeginOutputReadLine();
        try
        {
            Thread.Sleep(1000);
            // logrotate's rename + create: the old file moves away, a new one takes its name.
            File.Move(log, log + ".1");
            File.WriteAllLines(log, lines.Where(l => l.Contains("maximum payload")));
            Assert.That(found.Wait(TimeSpan.FromSeconds(30)), Is.True, "lines of the new file are read after a rotation");

            // copytruncate: the file is emptied in place and written again.
            found.Reset();
            File.WriteAllText(log, "");
            Thread.Sleep(500);
            File.WriteAllLines(log, lines);
            Terminate(tool);
            Assert.That(tool.WaitForExit(30_000), Is.True);
        }
        finally
        {
            if (!tool.HasExited)
                tool.Kill();
        }
    }
}
