using LogTriage.Parsing;

namespace LogTriage.Tests.Parsing;

public class FormatDetectorTests
{
    [Test]
    public void Detects_a_server_log()
    {
        var format = FormatDetector.Default.Detect([
            "[7] 2026/11/25 10:00:00.000001 [INF] Starting nats-server",
            "[7] 2026/11/25 10:00:00.000002 [INF]   Version:  2.9.10",
            "[7] 2026/11/25 10:00:00.000003 [INF] Server is ready",
        ]);
        Assert.That(format.Name, Is.EqualTo("nats-server"));
    }

    [Test]
    public void Falls_back_to_text_for_an_application_log()
    {
        var format = FormatDetector.Default.Detect([
            "2026/11/25 10:00:00 connected to nats://127.0.0.1:4222",
            "2026/11/25 10:00:05 nats: stale connection",
            "2026/11/25 10:00:06 reconnecting",
        ]);
        Assert.That(format.Name, Is.EqualTo("text"));
    }
}
