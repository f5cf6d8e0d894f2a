using LogTriage.Parsing.Monitoring;
using LogTriage.Input;
using LogTriage.Input.Monitoring;
using LogTriage.Parsing;

namespace LogTriage.Tests.Monitoring;

public class MonitorEventLineTests
{
    private static readonly MonitorReadings Readings = new(
        [
            new VarzSample(DateTimeOffset.Parse("2026-11-26T20:40:00Z"), DateTimeOffset.Parse("2026-11-20T08:00:00Z"), 195.0, 2, 120L << 20, 998, 1000, 3),
            new VarzSample(DateTimeOffset.Parse("2026-11-26T20:40:04Z"), DateTimeOffset.Parse("2026-11-20T08:00:00Z"), 198.0, 2, 480L << 20, 999, 1000, 17),
        ],
        [new ClosedConnection(4, "nats", "127.0.0.1", 60124, DateTimeOffset.Parse("2026-11-26T20:39:44.30943609Z"), DateTimeOffset.Parse("2026-11-26T20:39:44.310028311Z"),
            "Authentication Failure", "orders \"eu\"", "go", "1.2.3", "APP", "bob")],
        new JetStreamUsage(DateTimeOffset.Parse("2026-11-26T20:40:00Z"), 950L << 20, 1000L << 20, 0, 10L << 30),
        new HealthStatus(DateTimeOffset.Parse("2026-11-26T20:40:00Z"), "unavailable", "JetStream has not started"));

    [Test]
    public void Readings_become_the_documented_messages()
    {
        var messages = MonitorEvents.From(Readings, "probe").Select(e => e.Message).ToList();
        Assert.That(messages, Is.EquivalentTo(new[]
        {
            "Client connection closed: Authentication Failure",
            "Monitor: cpu 97.5% to 99.0% of 2 cores in 2 samples over 4s",
            "Monitor: memory grew from 120.0 MB to 480.0 MB (4.00x) over 4s",
            "Monitor: connections 999 of max_connections 1000 (99.9%)",
            "Monitor: slow_consumers rose from 3 to 17 over 4s",
            "Monitor: slow_consumers 17 since the server started at 2026-11-20T08:00:00Z",
            "Monitor: JetStream memory 95.0% of its limit (950.0 MB of 1000.0 MB)",
            "Monitor: JetStream storage 0.0% of its limit (0.0 MB of 10240.0 MB)",
            "Monitor: healthz status unavailable: JetStream has not started",
        }));
    }

    [Test]
    public void A_closed_connection_is_a_debug_event_at_its_stop_with_the_connection()
    {
        var closed = MonitorEvents.From(Readings, "probe").Single(e => e.Connection is not null);
        Assert.That(closed.Origin, Is.EqualTo(EventOrigin.Monitor));
        Assert.That(closed.Level, Is.EqualTo(LogLevel.Debug));
        Assert.That(closed.Time, Is.EqualTo(DateTimeOffset.Parse("2026-11-26T20:39:44.310028311Z")));
        Assert.That(closed.Connection, Is.EqualTo(new ConnectionInfo(ConnectionKind.Client, 4, "127.0.0.1:60124", "127.0.0.1", 60124, "1.2.3", "go", "orders \"eu\"", "APP", "bob")));
    }

    [Test]
    public void Events_survive_their_text_form()
    {
        var events = MonitorEvents.From(Readings, "probe");
        var text = MonitorEventLine.WriteAll(events);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(new MonitorEventFormat().Recognise(lines), Is.EqualTo(1.0));
        Assert.That(lines[0], Is.EqualTo("monitor 2026-11-26T20:39:44.310028Z DBG {\"kind\":\"client\",\"cid\":4,\"ip\":\"127.0.0.1\",\"port\":60124,\"name\":\"orders \\\"eu\\\"\",\"lang\":\"go\",\"version\":\"1.2.3\",\"account\":\"APP\",\"user\":\"bob\"} {\"reading\":\"closed\",\"reason\":\"Authentication Failure\"} Client connection closed: Authentication Failure"));

        var read = new MonitorEventFormat().CreateParser("saved").Parse(lines.Select((l, i) => new InputLine(i + 1, l))).ToList();
        Assert.That(read.Select(e => (e.Message, e.Level, e.Origin, e.Connection)), Is.EqualTo(events.Select(e => (e.Message, e.Level, e.Origin, e.Connection))));
        Assert.That(read.Select(e => string.Join(",", e.Fields.Select(f => $"{f.Key}={f.Value}"))),
            Is.EqualTo(events.Select(e => string.Join(",", e.Fields.Select(f => $"{f.Key}={f.Value}")))), "the typed readings survive too");
        Assert.That(read.Select(e => e.Time), Is.EqualTo(events.Select(e => e.Time?.AddTicks(-(e.Time.Value.Ticks % 10)))));
    }

    [Test]
    public void Server_and_plain_lines_are_not_monitor_lines()
    {
        var format = new MonitorEventFormat();
        Assert.That(format.Recognise(["[7] 2026/11/25 04:45:29.587221 [ERR] 127.0.0.1:35086 - cid:4 - authentication error"]), Is.EqualTo(0));
        Assert.That(format.Recognise(["monitor the situation closely"]), Is.EqualTo(0));
        Assert.That(FormatDetectorWithMonitor.Detector.Detect(["monitor 2026-11-26T20:40:04.000000Z INF Monitor: cpu 1.0% to 1.0% of 2 cores in 1 sample over 0ms"]).Name, Is.EqualTo("monitor"));
    }
}
