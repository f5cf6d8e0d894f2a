using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LogTriage.Tests.Support;
using static LogTriage.Tests.Monitoring.MonitoredSockets;

namespace LogTriage.Tests.Monitoring;

/// <summary>
/// One incident on the real nats-server, seen twice: through its monitoring port (`probe`) and
/// through its debug log (`analyze`). Both views must put the same cause first, or a support
/// engineer gets two answers to one question.
/// </summary>
[NonParallelizable]
public class ProbeLogAgreementTests
{
    private const string Config = $"authorization {{ user: {User}, password: {Password} }}\nmax_payload: 16384\nmax_pending: 32768\nwrite_deadline: \"100ms\"";

    public static IEnumerable<TestCaseData> Incidents()
    {
        yield return new TestCaseData("auth", (Action<int, int>)RejectWrongPasswords).SetName("A client retrying a wrong password: both say auth");
        yield return new TestCaseData("overload", (Action<int, int>)FloodASlowSubscriber).SetName("A subscriber that stops reading: both say overload");
        yield return new TestCaseData("payload", (Action<int, int>)PublishOversized).SetName("A publisher over max_payload: both say payload");
    }

    [TestCaseSource(nameof(Incidents))]
    public void Probe_and_log_put_the_same_cause_first(string expected, Action<int, int> incident)
    {
        var monitorPort = FreePort();
        using var server = NatsServerProcess.Start(Config, true, "-D", "-m", monitorPort.ToString());
        using (var healthy = Connect(server.Port, "bystander"))
            ReadSome(healthy);
        incident(server.Port, monitorPort);

        var probe = CliRun.Of("probe", $"http://127.0.0.1:{monitorPort}", "--format", "json");
        var log = CliRun.Of("analyze", server.LogFile, "--format", "json");
        Assert.That(probe.ExitCode, Is.EqualTo(0), probe.Error);
        Assert.That(log.ExitCode, Is.EqualTo(0), log.Error);

        var fromProbe = FirstCause(probe.Out);
        var fromLog = FirstCause(log.Out);
        Assert.That(fromProbe, Is.EqualTo(expected), probe.Out);
        Assert.That(fromLog, Is.EqualTo(fromProbe), log.Out);
    }

    private static string? FirstCause(string json)
    {
        using var report = JsonDocument.Parse(json);
        return report.RootElement.GetProperty("causes").EnumerateArray().Select(c => c.GetProperty("cause").GetString()).FirstOrDefault();
    }

    private static void RejectWrongPasswords(int port, int monitorPort)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var bad = Connect(port, "wrong-password", password: "expired");
            Assert.That(ReadSome(bad), Does.Contain("Authorization Violation"));
        }
        WaitFor(() => ClosedReasons(monitorPort).Contains("Authentication Failure"), TimeSpan.FromSeconds(5), "the auth closes");
    }

    private static void PublishOversized(int port, int monitorPort)
    {
        using var big = Connect(port, "big-publisher");
        ReadSome(big);
        Send(big, "PUB orders 32768\r\n");
        Assert.That(ReadSome(big), Does.Contain("Maximum Payload Violation"));
        WaitFor(() => ClosedReasons(monitorPort).Contains("Maximum Message Payload Exceeded"), TimeSpan.FromSeconds(5), "the payload close");
    }

    private static void FloodASlowSubscriber(int port, int monitorPort)
    {
        FloodSlowSubscriber(port, "slow-subscriber", () => ClosedReasons(monitorPort).Contains("Slow Consumer"), TimeSpan.FromSeconds(10));
        WaitFor(() => ClosedReasons(monitorPort).Contains("Slow Consumer"), TimeSpan.FromSeconds(5), "the slow consumer's close");
    }
}
