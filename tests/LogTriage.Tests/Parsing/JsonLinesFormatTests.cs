using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Parsing;

/// <summary>Application logs in the JSON-lines layouts of common loggers, carrying NATS client errors.</summary>
public class JsonLinesFormatTests
{
    // zap (production config), logrus (JSONFormatter), Go slog (JSONHandler), pino.
    private const string Log = """
        {"level":"info","ts":1764151200.123456,"caller":"app/main.go:42","msg":"connected","url":"nats://nats:4222"}
        {"level":"error","ts":1764151201.5,"caller":"app/main.go:57","msg":"nats disconnected","error":"read tcp 10.0.0.12:53110->10.0.0.1:4222: read: connection reset by peer"}
        {"level":"error","msg":"publish failed: nats: maximum payload exceeded","time":"2025-11-26T10:00:02Z"}
        {"time":"2025-11-26T10:00:03.000000000Z","level":"WARN","msg":"nats: slow consumer, messages dropped on connection [5] for subscription on \"orders.>\""}
        {"level":50,"time":1764151204000,"pid":7,"hostname":"web-1","msg":"nats: authorization violation"}
        """;

    private static List<LogEvent> Parse(string text, out string format)
    {
        var stats = new InputStatistics("app");
        using var lines = new PeekableLines(LineReader.ReadLines(InputSource.FromText("app", text).Open(), stats));
        var detected = FormatDetector.Default.Detect(lines.Peek(50));
        format = detected.Name;
        return detected.CreateParser("app").Parse(lines).ToList();
    }

    [Test]
    public void Reads_message_level_time_and_error_under_their_usual_names()
    {
        var events = Parse(Log, out var format);
        Assert.That(format, Is.EqualTo("json-lines"));
        Assert.That(events.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Info, LogLevel.Error, LogLevel.Error, LogLevel.Warning, LogLevel.Error }));
        Assert.That(events.All(e => e.Time is not null), Is.True);
        Assert.That(events[0].Time, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1764151200123)));
        Assert.That(events[1].Message, Does.Contain("nats disconnected").And.Contain("connection reset by peer"));
    }

    [Test]
    public void Lagers_nested_error_and_string_epoch_are_read()
    {
        // Cloud Foundry's lager, as pasted from a BOSH job: the error sits under "data", the time is a string of epoch seconds.
        const string lager = """
            {"timestamp":"1496958794.021312475","source":"nats_to_syslog","message":"nats_to_syslog.connecting-to-nats.error","log_level":2,"data":{"error":"nats: no servers available for connection","session":"1"}}
            {"timestamp":"1496958795.021312475","source":"nats_to_syslog","message":"nats_to_syslog.connecting-to-nats.error","log_level":2,"data":{"error":"nats: no servers available for connection","session":"1"}}
            """;
        var events = Parse(lager, out var format);
        Assert.That(format, Is.EqualTo("json-lines"));
        Assert.That(events[0].Message, Is.EqualTo("nats_to_syslog.connecting-to-nats.error | nats: no servers available for connection"));
        Assert.That(events[0].Time, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1496958794021)));
    }

    [Test]
    public void The_client_errors_inside_are_recognised()
    {
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("app.json", Log)]);
        var causes = result.Causes.Select(c => c.Cause).ToList();
        Assert.That(causes, Does.Contain("network").And.Contain("payload").And.Contain("overload").And.Contain("auth"));
    }

    [Test]
    public void A_broken_line_is_kept_as_unparsed_and_the_rest_still_read()
    {
        var events = Parse(Log.Replace("\"msg\":\"connected\"", "\"msg\":\"connec"), out var format);
        Assert.That(format, Is.EqualTo("json-lines"));
        Assert.That(events.Count(e => !e.Parsed), Is.EqualTo(1));
        Assert.That(events.Count(e => e.Parsed), Is.EqualTo(4));
    }

    [Test]
    public void A_server_embedded_in_an_application_is_recognised_through_the_applications_json_logger()
    {
        const string log = """
            {"level":"info","timestamp":"2026-03-02T08:15:00.100Z","message":"Server is ready","component":"nats"}
            {"level":"error","timestamp":"2026-03-02T08:15:01.200Z","message":"10.1.0.4:6222 - rid:41 - Route Error 'Authorization Violation'","component":"nats"}
            {"level":"error","timestamp":"2026-03-02T08:15:02.300Z","message":"10.1.0.9:51515 - cid:77 - authentication error","component":"nats"}
            """;
        var events = Parse(log, out var format);
        Assert.That(format, Is.EqualTo("json-lines"));
        Assert.That(events[1].Origin, Is.EqualTo(EventOrigin.Server));
        Assert.That(events[1].Connection!.Kind, Is.EqualTo(ConnectionKind.Route));
        Assert.That(events[2].Message, Is.EqualTo("authentication error"));
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("app.json", log)]);
        Assert.That(result.Causes[0].Cause, Is.EqualTo("auth"));
    }
}
