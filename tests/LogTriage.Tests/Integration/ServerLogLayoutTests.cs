using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Integration;

/// <summary>Every layout the real nats-server writes, produced by the real server, read back by the parser.</summary>
[NonParallelizable]
public class ServerLogLayoutTests
{
    private static List<LogEvent> ParseAll(string text, out InputStatistics stats)
    {
        stats = new InputStatistics("server");
        var source = InputSource.FromText("server", text);
        var lines = LineReader.ReadLines(source.Open(), stats).ToList();
        var format = FormatDetector.Default.Detect(lines.Take(50).Select(l => l.Text).ToList());
        Assert.That(format.Name, Is.EqualTo("nats-server"), text);
        return format.CreateParser("server").Parse(lines).ToList();
    }

    private static void AssertEveryLineUnderstood(List<LogEvent> events, bool timed)
    {
        Assert.That(events, Is.Not.Empty);
        Assert.That(events.Where(e => !e.Parsed || e.Level == LogLevel.Unknown).Select(e => e.Text), Is.Empty);
        Assert.That(events.All(e => (e.Time is not null) == timed), Is.True, "time present exactly when the server logs it");
        Assert.That(events.Any(e => e.Message == "Server is ready"), Is.True);
    }

    [Test]
    public void Default_file_layout_with_pid_and_local_time()
    {
        using var server = NatsServerProcess.Start("debug: true");
        var events = ParseAll(server.ReadLog(), out _);
        AssertEveryLineUnderstood(events, timed: true);
        Assert.That(events.Select(e => e.Level), Does.Contain(LogLevel.Debug));
        var written = events.First(e => e.Message == "Server is ready").Time!.Value;
        Assert.That((DateTime.Now - written.DateTime).Duration(), Is.LessThan(TimeSpan.FromMinutes(2)), "local time read as written");
    }

    [Test]
    public void Layout_without_time()
    {
        using var server = NatsServerProcess.Start("logtime: false");
        var events = ParseAll(server.ReadLog(), out _);
        AssertEveryLineUnderstood(events, timed: false);
    }

    [Test]
    public void Stderr_layout_with_trace()
    {
        using var server = NatsServerProcess.Start("", logToFile: false, "-DV");
        using (var client = new System.Net.Sockets.TcpClient("127.0.0.1", server.Port))
        {
            var stream = client.GetStream();
            stream.Write("CONNECT {\"verbose\":false,\"name\":\"layout-test\",\"lang\":\"test\",\"version\":\"1.0.0\"}\r\nPING\r\n"u8);
            server.WaitForLog("PONG", TimeSpan.FromSeconds(10));
        }
        var events = ParseAll(server.ReadLog(), out _);
        AssertEveryLineUnderstood(events, timed: true);
        var traced = events.Where(e => e.Level == LogLevel.Trace && e.Connection is not null).ToList();
        Assert.That(traced, Is.Not.Empty);
        Assert.That(traced.Any(e => e.Connection!.Name == "layout-test" && e.Connection.Lang == "test" && e.Connection.Version == "1.0.0"), Is.True,
            string.Join("\n", traced.Select(e => e.Text)));
    }
}
