using LogTriage.Input;
using LogTriage.Parsing;

namespace LogTriage.Tests.Parsing;

/// <summary>A Go error of several lines (errors.Join) in slog's text handler, which quotes it with strconv.Quote.</summary>
public class LogfmtErrorTests
{
    [Test]
    public void Each_line_of_a_joined_error_is_part_of_the_message()
    {
        const string log = """
            time=2026-03-02T08:16:01.250Z level=ERROR msg="connect failed" err="nats: no servers available for connection\ncontext deadline exceeded"
            time=2026-03-02T08:16:02.000Z level=INFO msg="retrying in 5s"
            """;
        var stats = new InputStatistics("app");
        using var lines = new PeekableLines(LineReader.ReadLines(InputSource.FromText("app", log).Open(), stats));
        var format = FormatDetector.Default.Detect(lines.Peek(50));
        var events = format.CreateParser("app").Parse(lines).ToList();
        Assert.That(format.Name, Is.EqualTo("logfmt"));
        Assert.That(events[0].Message, Is.EqualTo("connect failed | nats: no servers available for connection | context deadline exceeded"));
        Assert.That(events[1].Message, Is.EqualTo("retrying in 5s"));
    }
}
