using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LogTriage.Tests.Support;
using static LogTriage.Tests.Monitoring.MonitoredSockets;

namespace LogTriage.Tests.Monitoring;

/// <summary>
/// The real nats-server at its default INFO logging, which writes no line for a client's close:
/// the probe alone must name the causes from /connz?state=closed.
/// </summary>
[NonParallelizable]
public class ProbeServerTests
{
    [Test]
    public void The_probe_alone_names_auth_payload_and_overload_from_the_close_reasons()
    {
        var monitorPort = FreePort();
        using var server = NatsServerProcess.Start(
            $"authorization {{ user: {User}, password: {Password} }}\nmax_payload: 16384\nmax_pending: 32768\nwrite_deadline: \"100ms\"",
            true, "-m", monitorPort.ToString());

        // A bad password: closed as Authentication Failure.
        using (var bad = Connect(server.Port, "bad-password", password: "wrong"))
            Assert.That(ReadSome(bad), Does.Contain("Authorization Violation"));

        // A payload over max_payload: closed as Maximum Message Payload Exceeded.
        using (var big = Connect(server.Port, "big-publisher"))
        {
            ReadSome(big);
            Send(big, "PUB orders 32768\r\n");
            Assert.That(ReadSome(big), Does.Contain("Maximum Payload Violation"));
        }

        // A subscriber that stops reading while a publisher floods it: closed as a slow consumer.
        FloodSlowSubscriber(server.Port, "slow-subscriber", () => ClosedReasons(monitorPort).Contains("Slow Consumer"), TimeSpan.FromSeconds(10));
        WaitFor(() => ClosedReasons(monitorPort).Contains("Slow Consumer"), TimeSpan.FromSeconds(5), "the slow consumer's close");
        WaitFor(() => ClosedReasons(monitorPort).Contains("Maximum Message Payload Exceeded"), TimeSpan.FromSeconds(5), "the payload close");

        Assert.That(server.ReadLog(), Does.Not.Contain("connection closed"), "the INFO log has no close lines");

        var run = CliRun.Of("probe", $"http://127.0.0.1:{monitorPort}", "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var report = JsonDocument.Parse(run.Out);
        var causes = report.RootElement.GetProperty("causes").EnumerateArray().ToList();
        var causeIds = causes.Select(c => c.GetProperty("cause").GetString()).ToList();
        var rules = causes.SelectMany(c => c.GetProperty("rules").EnumerateArray().Select(r => r.GetString())).ToList();
        Assert.That(causeIds, Is.SupersetOf(new[] { "auth", "payload", "overload" }), run.Out);
        Assert.That(rules, Is.SupersetOf(new[] { "server.auth.closed-auth", "server.payload.closed-size-limit", "server.overload.closed-slow-consumer" }), run.Out);

        var auth = causes.First(c => c.GetProperty("cause").GetString() == "auth");
        Assert.That(auth.GetProperty("connections").EnumerateArray().Select(c => c.GetString()), Has.Some.Contains("\"bad-password\" (raw 0.1.0)"));
        Assert.That(auth.GetProperty("evidence")[0].GetProperty("text").GetString(), Does.EndWith("Client connection closed: Authentication Failure"));
        var input = report.RootElement.GetProperty("inputs")[0];
        Assert.That(input.GetProperty("format").GetString(), Is.EqualTo("monitor"));
        Assert.That(input.GetProperty("unparsed").GetInt64(), Is.EqualTo(0));
    }

    [Test]
    public void Samples_and_save_write_monitor_lines_that_analyze_reads_back()
    {
        var monitorPort = FreePort();
        using var server = NatsServerProcess.Start("max_connections: 2", true, "-m", monitorPort.ToString());
        using var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        first.Connect(IPAddress.Loopback, server.Port);
        second.Connect(IPAddress.Loopback, server.Port);
        ReadSome(first);
        ReadSome(second);
        Send(first, "CONNECT {\"verbose\":false}\r\nPING\r\n");
        Send(second, "CONNECT {\"verbose\":false}\r\nPING\r\n");
        ReadSome(first);
        ReadSome(second);

        var directory = Directory.CreateTempSubdirectory("logtriage-probe-").FullName;
        try
        {
            var saved = Path.Combine(directory, "probe.monitor");
            var run = CliRun.Of("probe", $"http://127.0.0.1:{monitorPort}", "--samples", "2", "--interval", "300ms", "--save", saved, "--format", "json");
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.Out, Does.Contain("monitor.overload.connections-near-limit"));

            var lines = File.ReadAllLines(saved);
            Assert.That(lines, Has.Some.Match(@"^monitor \S+Z INF \{""reading"":""cpu"",""cpu_low"":""[\d.]+"",.*""samples"":""2"".*\} Monitor: cpu [\d.]+% to [\d.]+% of \d+ cores in 2 samples over \d+ms$"));
            Assert.That(lines, Has.Some.EndWith("Monitor: connections 2 of max_connections 2 (100.0%)"));

            var again = CliRun.Of("analyze", saved, "--format", "json", "--fail-on", "error");
            Assert.That(again.ExitCode, Is.EqualTo(1), again.Error);
            Assert.That(again.Out, Does.Contain("monitor.overload.connections-near-limit"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
