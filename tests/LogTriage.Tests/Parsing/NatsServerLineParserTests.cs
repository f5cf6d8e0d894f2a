using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Parsing;

public class NatsServerLineParserTests
{
    private static List<LogEvent> Parse(string name, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select((t, i) => new InputLine(i + 1, t));
        return new NatsServerLineParser(name).Parse(lines).ToList();
    }

    private static List<LogEvent> ParseFile(string path)
    {
        using var stream = Decompression.Unwrap(File.OpenRead(path));
        return new NatsServerLineParser(path).Parse(LineReader.ReadLines(stream, new InputStatistics(path))).ToList();
    }

    [Test]
    public void Gathers_a_go_panic_and_its_goroutine_stacks_into_one_fatal_event()
    {
        var events = ParseFile(RepositoryPaths.Sample("go-panic.log"));
        var panics = events.Where(e => e.Level == LogLevel.Fatal && e.Message.StartsWith("panic:")).ToList();

        Assert.That(panics, Has.Count.EqualTo(1));
        var panic = panics[0];
        Assert.Multiple(() =>
        {
            Assert.That(panic.LineCount, Is.GreaterThan(5), "the stack lines belong to the panic event");
            Assert.That(panic.Text, Does.Contain("goroutine "));
            Assert.That(panic.Origin, Is.EqualTo(EventOrigin.Server));
            Assert.That(panic.Time, Is.Not.Null, "a panic takes the time of the last stamped line before it");
            Assert.That(events.Where(e => !e.Parsed), Is.Empty, "no line of the stack is left over as unparsed");
        });
    }

    [Test]
    public void Ends_a_crash_at_the_next_server_line()
    {
        var events = Parse("x", """
            [7] 2026/11/25 10:00:00.000001 [INF] Server is ready
            fatal error: concurrent map writes

            goroutine 88 [running]:
            runtime.throw({0xa1b2c3, 0x15})
            	/usr/local/go/src/runtime/panic.go:1047 +0x5d fp=0xc0001 sp=0xc0002 pc=0x43a1b
            [9] 2026/11/25 10:00:05.000001 [INF] Starting nats-server
            """);
        Assert.That(events.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Info, LogLevel.Fatal, LogLevel.Info }));
        Assert.That(events[1].Message, Is.EqualTo("fatal error: concurrent map writes"));
        Assert.That(events[1].LineCount, Is.EqualTo(5));
        Assert.That(events[2].Line, Is.EqualTo(7));
    }

    [Test]
    public void Keeps_lines_it_cannot_parse_as_plain_unparsed_events()
    {
        var events = Parse("x", """
            [7] 2026/11/25 10:00:00.000001 [INF] Server is ready
            this is not a server line
            [7] 2026/11/25 10:00:01.000001 [ERR] 127.0.0.1:5000 - cid:1 - authentication error
            """);
        Assert.That(events, Has.Count.EqualTo(3));
        Assert.That(events[1].Parsed, Is.False);
        Assert.That(events[1].Message, Is.EqualTo("this is not a server line"));
        Assert.That(events[2].Connection!.Id, Is.EqualTo(1));
        Assert.That(events[2].Message, Is.EqualTo("authentication error"));
    }

    [TestCase("healthy.log")]
    [TestCase("slow-consumer.log")]
    [TestCase("auth-wrong-password.log")]
    public void Understands_every_line_the_real_server_wrote(string sample)
    {
        var events = ParseFile(RepositoryPaths.Sample(sample));
        Assert.That(events, Is.Not.Empty);
        Assert.That(events.Where(e => !e.Parsed).Select(e => e.Text), Is.Empty);
        Assert.That(events.All(e => e.Time is not null && e.Level != LogLevel.Unknown), Is.True);
    }

    [Test]
    public void Reads_the_connection_fields_of_real_server_lines()
    {
        var events = ParseFile(RepositoryPaths.Sample("auth-wrong-password.log"));
        var failure = events.First(e => e.Message.StartsWith("authentication error"));
        Assert.That(failure.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(failure.Connection, Is.Not.Null);
        Assert.That(failure.Connection!.Kind, Is.EqualTo(ConnectionKind.Client));
        Assert.That(failure.Connection.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(failure.Connection.Id, Is.GreaterThan(0));
    }

    /// <summary>The rules care for nothing: whatever may be skipped is.</summary>
    private sealed class NothingMatters : ILineRelevance
    {
        public bool MayMatter(ReadOnlySpan<char> message, LogLevel level, EventOrigin origin) => false;
    }

    [Test]
    public void Skips_a_prefixed_line_only_once_its_prefix_has_been_seen()
    {
        var parser = new NatsServerLineParser("x", new NothingMatters());
        const string created = "nats-1  | [1] 2026/11/26 19:45:04.416132 [DBG] 127.0.0.1:46970 - cid:4 - Client connection created";
        Assert.That(parser.IsSkippable(created), Is.False, "a prefix never seen goes through, so a dump behind it is recognised");
        _ = parser.Parse([new InputLine(1, "nats-2  | [1] 2026/11/26 19:45:04.222871 [INF] Server is ready")]).ToList();
        Assert.That(parser.IsSkippable(created), Is.True, "same shape, another service");
        Assert.That(parser.TimeOf(created), Is.EqualTo(new DateTimeOffset(2026, 11, 26, 19, 45, 4, TimeSpan.Zero).AddTicks(4161320)));
        Assert.That(parser.IsSkippable("nats-1  | [1] 2026/11/26 19:45:04.416132 [WRN] 127.0.0.1:46970 - cid:4 - Readloop processing time: 2.5s"),
            Is.False, "warnings always go through");
    }

    [Test]
    public void A_dump_behind_a_prefix_ends_at_a_line_of_that_prefix_that_is_no_part_of_it()
    {
        var events = Parse("x", """
            nats-1  | [1] 2026/11/25 10:00:00.000001 [INF] Server is ready
            nats-1  | fatal error: concurrent map writes
            nats-1  |
            nats-1  | goroutine 88 [running]:
            nats-1  | runtime.throw({0xa1b2c3, 0x15})
            nats-1  | 	/usr/local/go/src/runtime/panic.go:1047 +0x5d fp=0xc0001 sp=0xc0002 pc=0x43a1b
            orders-1 | 2026/11/25 10:00:01 nats: connection closed
            """);
        Assert.That(events.Select(e => e.Level), Is.EqualTo(new[] { LogLevel.Info, LogLevel.Fatal, LogLevel.Unknown }));
        Assert.That(events[1].Message, Is.EqualTo("fatal error: concurrent map writes"));
        Assert.That(events[1].LineCount, Is.EqualTo(5));
        Assert.That(events[2].Parsed, Is.False);
    }
}
