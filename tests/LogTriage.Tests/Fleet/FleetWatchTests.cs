using System.Diagnostics;
using System.Text;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Fleet;

/// <summary>`fleet watch` on the real nats-server 2.9: started before any worker, it prints each cause once the workers' signals arrive, and SIGTERM ends it.</summary>
[NonParallelizable]
public class FleetWatchTests
{
    [Test]
    public void The_watch_prints_causes_as_signals_arrive_and_stops_on_SIGTERM()
    {
        using var server = NatsServerProcess.StartJetStream();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "LogTriage.Cli.dll"), "fleet", "watch", "--nats", server.Url, "--every", "1s" })
            start.ArgumentList.Add(argument);
        using var watch = Process.Start(start)!;
        var output = new StringBuilder();
        watch.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        watch.BeginOutputReadLine();
        var stderr = watch.StandardError.ReadToEndAsync();

        var ship = CliRun.Of("ship", RepositoryPaths.Sample("auth-wrong-password.log"), RepositoryPaths.Sample("slow-consumer.log"), "--nats", server.Url, "--create");
        Assert.That(ship.ExitCode, Is.EqualTo(0), ship.Error);
        var worker = CliRun.Of("worker", "--nats", server.Url, "--once");
        Assert.That(worker.ExitCode, Is.EqualTo(0), worker.Error);

        var clock = Stopwatch.StartNew();
        string Seen() { lock (output) return output.ToString(); }
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && !(Seen().Contains("(auth)") && Seen().Contains("(overload)")) && !watch.HasExited)
            Thread.Sleep(200);
        Assert.That(Seen(), Does.Match(@"\d\d:\d\d:\d\d CRITICAL Authentication or authorization failure \(auth\): \d+ signal"), stderr.IsCompleted ? stderr.Result : "");
        Assert.That(Seen(), Does.Contain("(overload)"));

        using (var term = Process.Start("kill", ["-TERM", watch.Id.ToString()]))
            term.WaitForExit();
        Assert.That(watch.WaitForExit(20_000), Is.True, "SIGTERM stops the watch");
        Assert.That(watch.ExitCode, Is.EqualTo(0), stderr.Result);
        Assert.That(Seen().Split('\n').Count(l => l.Contains("(auth)")), Is.EqualTo(1), "a cause that does not change is printed once");
    }
}
