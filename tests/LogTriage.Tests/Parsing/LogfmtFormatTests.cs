using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Parsing;

/// <summary>logfmt, as logrus' text formatter and Go's slog text handler write it, carrying NATS client errors.</summary>
public class LogfmtFormatTests
{
    private const string Log = """
        time="2026-03-02T08:15:00Z" level=info msg="connected to nats://nats:4222" name=orders
        time="2026-03-02T08:16:00Z" level=error msg="nats: stale connection"
        time=2026-03-02T08:16:01.250Z level=ERROR msg="publish failed" err="nats: maximum payload exceeded"
        time=2026-03-02T08:16:02Z level=WARN msg="disconnected" error="read tcp 10.0.0.7:40000->10.0.0.1:4222: read: connection reset by peer"
        """;

    [Test]
    public void Reads_message_level_time_and_error()
    {
        var stats = new InputStatistics("app");
        using var lines = new PeekableLines(LineReader.ReadLines(InputSource.FromText("app", Log).Open(), stats));
        var format = FormatDetector.Default.Detect(lines.Peek(50));
        var events = format.CreateParser("app").Parse(lines).ToList();
        Assert.That(format.Name, Is.EqualTo("logfmt"));
        Assert.That(events.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Info, LogLevel.Error, LogLevel.Error, LogLevel.Warning }));
        Assert.That(events.All(e => e.Time is not null && e.Parsed), Is.True);
        Assert.That(events[2].Message, Is.EqualTo("publish failed | nats: maximum payload exceeded"));
    }

    [Test]
    public void The_client_errors_inside_are_recognised()
    {
        var causes = ShippedRules.Analyzer.Analyze([InputSource.FromText("app.log", Log)]).Causes.Select(c => c.Cause).ToList();
        Assert.That(causes, Does.Contain("network").And.Contain("payload"));
    }

    [Test]
    public void A_server_embedded_in_an_application_is_recognised_through_logrus()
    {
        const string embedded = """
            time="2026-03-02T08:16:00Z" level=error msg="10.0.0.1:5000 - cid:5 - \"v1.37.0:go:orders\" - authentication error"
            time="2026-03-02T08:16:00Z" level=debug msg="10.0.0.1:5000 - cid:5 - \"v1.37.0:go:orders\" - Client connection closed: Authentication Failure"
            """;
        var stats = new InputStatistics("app");
        using var lines = new PeekableLines(LineReader.ReadLines(InputSource.FromText("app", embedded).Open(), stats));
        var events = new LogfmtFormat().CreateParser("app").Parse(lines).ToList();
        Assert.That(events.Select(e => e.Origin), Is.All.EqualTo(EventOrigin.Server));
        Assert.That(events[0].Message, Is.EqualTo("authentication error"));
        Assert.That(events[0].Connection?.Id, Is.EqualTo(5));
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("app.log", embedded)]);
        Assert.That(result.Causes.First().Cause, Is.EqualTo("auth"));
    }
}
