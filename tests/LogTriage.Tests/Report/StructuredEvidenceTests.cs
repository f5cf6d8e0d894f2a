using System.Text.Json;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Report;

/// <summary>Evidence from Serilog's compact JSON (written by Serilog.Formatting.Compact in the scenarios) reads as a message, not as JSON.</summary>
public class StructuredEvidenceTests
{
    [Test]
    public void Clef_evidence_is_the_rendered_message_with_its_level()
    {
        var run = CliRun.Of("analyze", Path.Combine(RepositoryPaths.Samples, "scenarios", "auth-credentials-changed.client.clef"), "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var texts = JsonDocument.Parse(run.Out).RootElement.GetProperty("causes").EnumerateArray()
            .SelectMany(c => c.GetProperty("evidence").EnumerateArray()).Select(e => e.GetProperty("text").GetString()!).ToList();
        Assert.That(texts, Is.Not.Empty);
        Assert.That(texts, Has.None.StartsWith("{").And.None.Contains("\"@t\""));
        Assert.That(texts, Has.Some.Match(@"^\[(ERR|WRN)\] .*Authorization Violation"));
    }

    [Test]
    public void The_exception_is_beneath_the_message_one_line_per_exception()
    {
        var run = CliRun.Of("analyze", Path.Combine(RepositoryPaths.Samples, "scenarios", "unreachable-server-stopped.client.clef"), "--format", "json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var texts = JsonDocument.Parse(run.Out).RootElement.GetProperty("causes").EnumerateArray()
            .SelectMany(c => c.GetProperty("evidence").EnumerateArray()).Select(e => e.GetProperty("text").GetString()!).ToList();
        // The port is the scenario's free port of the day the sample was made.
        Assert.That(texts, Has.Some.Match(@"^\[WRN\] Failed to connect NATS nats://127\.0\.0\.1:\d+ \[1\]\n    System\.Net\.Sockets\.SocketException \(111\): Connection refused$"));
        Assert.That(texts, Has.Some.EqualTo("[ERR] Retry loop stopped and connection state is invalid [1]\n    NATS.Client.Core.NatsConnectionFailedException: Maximum connection retry attempts exceeded"));
    }
}
