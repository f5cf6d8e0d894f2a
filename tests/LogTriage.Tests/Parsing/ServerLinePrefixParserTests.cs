using LogTriage.Parsing;

namespace LogTriage.Tests.Parsing;

public class ServerLinePrefixParserTests
{
    [Test]
    public void Reads_pid_time_and_level_of_the_default_layout()
    {
        const string line = "[4711] 2026/11/25 04:45:29.587221 [ERR] 127.0.0.1:35086 - cid:4 - authentication error";
        Assert.That(ServerLinePrefixParser.TryParse(line, out var prefix), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(prefix.Pid, Is.EqualTo(4711));
            Assert.That(prefix.Time, Is.EqualTo(new DateTimeOffset(2026, 11, 25, 4, 45, 29, TimeSpan.Zero).AddTicks(5872210)));
            Assert.That(prefix.Level, Is.EqualTo(LogLevel.Error));
            Assert.That(line[prefix.MessageStart..], Does.StartWith("127.0.0.1:35086"));
        });
    }

    [Test]
    public void Reads_a_line_without_pid()
    {
        Assert.That(ServerLinePrefixParser.TryParse("2026/11/25 04:45:29.587221 [INF] Server is ready", out var prefix), Is.True);
        Assert.That(prefix.Pid, Is.Null);
        Assert.That(prefix.Level, Is.EqualTo(LogLevel.Info));
        Assert.That(prefix.Time, Is.Not.Null);
    }

    [Test]
    public void A_time_after_the_level_is_an_application_logger_not_the_server()
    {
        // The server writes its time before the level; an application using the server's manner
        // ("[ERR] 2024-07-01 10:48:43 - ...") is a client of NATS, and its lines are read as such.
        Assert.That(ServerLinePrefixParser.TryParse("[ERR] 2024-07-01 10:48:43 - Failed to connect to NATS server err=nats: no servers available for connection", out _), Is.False);
        Assert.That(ServerLinePrefixParser.TryParse("[INF] 2024/07/01 10:48:43 starting", out _), Is.False);
        Assert.That(ServerLinePrefixParser.TryParse("[ERR] 2024 was a good year", out _), Is.True, "a message may begin with a number");
        Assert.That(ServerLinePrefixParser.TryParse("[1] [ERR] 2024-07-01 is when it broke", out _), Is.True, "with a pid it is the server's, whatever the message says");
    }

    [Test]
    public void Reads_a_line_written_with_log_time_off()
    {
        const string line = "[7] [WRN] Readloop processing time: 2.5s";
        Assert.That(ServerLinePrefixParser.TryParse(line, out var prefix), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(prefix.Pid, Is.EqualTo(7));
            Assert.That(prefix.Time, Is.Null);
            Assert.That(prefix.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(line[prefix.MessageStart..], Is.EqualTo("Readloop processing time: 2.5s"));
        });
    }

    [Test]
    public void Reads_a_coloured_label_written_to_a_terminal()
    {
        const string line = "[7] 2026/11/25 04:45:29.587221 [\u001b[31mERR\u001b[0m] maximum connections exceeded";
        Assert.That(ServerLinePrefixParser.TryParse(line, out var prefix), Is.True);
        Assert.That(prefix.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(line[prefix.MessageStart..], Is.EqualTo("maximum connections exceeded"));
    }

    [Test]
    public void Reads_the_level_less_stamp_of_a_rotation_notice()
    {
        Assert.That(ServerLinePrefixParser.TryParse("2026/11/25 04:45:29.000001 Rotated log, backup saved as \"nats.log.2026.11.25\"", out var prefix), Is.True);
        Assert.That(prefix.Level, Is.EqualTo(LogLevel.Info));
    }

    [TestCase("[TRC]", LogLevel.Trace)]
    [TestCase("[DBG]", LogLevel.Debug)]
    [TestCase("[INF]", LogLevel.Info)]
    [TestCase("[WRN]", LogLevel.Warning)]
    [TestCase("[ERR]", LogLevel.Error)]
    [TestCase("[FTL]", LogLevel.Fatal)]
    public void Maps_every_label(string label, LogLevel expected)
    {
        Assert.That(ServerLinePrefixParser.TryParse($"[1] 2026/01/02 03:04:05.000006 {label} x", out var prefix), Is.True);
        Assert.That(prefix.Level, Is.EqualTo(expected));
    }

    [TestCase("panic: runtime error: invalid memory address or nil pointer dereference")]
    [TestCase("2026-11-25T04:45:29Z something else")]
    [TestCase("[7] 2026/13/25 04:45:29.587221 [INF] month 13")]
    [TestCase("[abc] [INF] not a pid")]
    [TestCase("[7] 2026/11/25 04:45:29.587221 [XYZ] unknown level")]
    [TestCase("")]
    public void Rejects_lines_that_are_not_server_lines(string line)
    {
        Assert.That(ServerLinePrefixParser.TryParse(line, out _), Is.False);
    }

    [TestCase("Aug 21 14:50:11 nats-host nats-server[4711]: [4711] 2026/08/21 14:50:11.123456 [INF] Server is ready", 4711, true)]
    [TestCase("[pod/nats-0/nats] [7] 2026/08/21 14:50:11.123456 [INF] Server is ready", 7, true)]
    [TestCase("nats-0 nats [7] 2026/08/21 14:50:11.123456 [INF] Server is ready", 7, true)]
    [TestCase("nats-1  | 2026/08/21 14:50:11.123456 [INF] Server is ready", null, true)]
    [TestCase("2026-08-21T14:50:11.123456789Z [7] [INF] Server is ready", 7, false)]
    [TestCase("> [7] 2026/08/21 14:50:11.123456 [\u001b[32mINF\u001b[0m] Server is ready", 7, true)]
    [TestCase("Aug 21 14:50:11 nats-host nats-server[4711]: [INF] Server is ready", null, false)]
    public void Finds_the_signature_behind_a_prefix(string line, int? pid, bool timed)
    {
        Assert.That(ServerLinePrefixParser.TryFind(line, out var prefix), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(prefix.Pid, Is.EqualTo(pid));
            Assert.That(prefix.Time is not null, Is.EqualTo(timed));
            Assert.That(prefix.Level, Is.EqualTo(LogLevel.Info));
            Assert.That(prefix.Start, Is.GreaterThan(0));
            Assert.That(line[prefix.MessageStart..], Is.EqualTo("Server is ready"));
        });
    }

    [TestCase("orders-1  | [ERR] payment failed")]
    [TestCase("2026/11/25 10:00:05 nats: stale connection")]
    [TestCase("2026/11/25 10:00:05 reconnected to [nats://10.0.0.1:4222]")]
    [TestCase("nats-2  | goroutine 77 [running]:")]
    public void Finds_no_signature_where_there_is_none(string line)
    {
        Assert.That(ServerLinePrefixParser.TryFind(line, out _), Is.False);
    }
}
