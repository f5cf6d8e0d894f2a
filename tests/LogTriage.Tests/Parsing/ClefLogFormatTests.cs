using System.Net.Sockets;
using System.Text.RegularExpressions;
using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Tests.Support;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Json;
using Serilog.Parsing;
using Level = LogTriage.Parsing.LogLevel;
using SerilogEvent = Serilog.Events.LogEvent;

namespace LogTriage.Tests.Parsing;

/// <summary>
/// The CLEF reader, proved on files that Serilog.Formatting.Compact itself wrote: NATS.Net's own
/// templates logged through Microsoft.Extensions.Logging into Serilog, as an application does.
/// What the reader makes of each line is compared with the event Serilog had in memory.
/// </summary>
[NonParallelizable]
[SetCulture("en-US")]
public class ClefLogFormatTests
{
    private const string Url = "nats://127.0.0.1:4222";
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("logtriage-clef-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    private sealed record Order(int Id, decimal Total);

    /// <summary>The log of an application whose NatsConnection connects, loses the server and gets it back.</summary>
    private static void LogAClientsLife(Func<string, Microsoft.Extensions.Logging.ILogger> category, Serilog.ILogger serilog)
    {
        var connection = category("NATS.Client.Core.NatsConnection");
        var writer = category("NATS.Client.Core.Commands.CommandWriter");
        var app = category("OrdersApp");
        var connectionEvent = new EventId(1001, "Connection");

        writer.LogDebug(new EventId(1007, "Buffer"), "Created {Name}", "main");                                            // 0
        connection.LogInformation(connectionEvent, "Connect to NATS using {FactoryType} {Uri}", "TcpFactory", Url);         // 1
        connection.LogInformation(connectionEvent, "Connect succeed {Name}, NATS {Url}", "orders", Url);                  // 2
        connection.LogDebug(new EventId(1005, "Protocol"), Thrown(() => new NatsException("Socket has been closed.", Thrown(() => new SocketException(104)))),
            "Socket closed during read loop");                                                                             // 3
        connection.LogDebug(connectionEvent, "Connection {Name} is closed. Will cleanup and reconnect [{ReconnectCount}]", "orders", 1); // 4
        connection.LogInformation(connectionEvent, "Reconnecting to NATS {Url} [{ReconnectCount}]", Url, 1);              // 5
        connection.LogWarning(connectionEvent, Thrown(() => new NatsException($"can not connect uris: {Url}", Thrown(() => new SocketException(111)))),
            "Failed to connect NATS {Url} [{ReconnectCount}]", Url, 3);                                                    // 6
        connection.LogError(new EventId(1005, "Protocol"),
            Thrown(() => new InvalidOperationException("read loop failed", Thrown(() => new IOException("Unable to read data from the transport connection", Thrown(() => new SocketException(104)))))),
            "Error occured during read loop");                                                                             // 7
        connection.LogInformation(connectionEvent, "Connection succeeded {Name}, NATS {Url} [{ReconnectCount}]", "orders", Url, 4); // 8
        app.LogTrace("Polling {Subject}", "orders.>");                                                                     // 9
        app.LogCritical("Giving up on {Subject} after {Attempts} attempts", "orders.>", 5);                               // 10
        app.LogInformation("Escaped {{braces}} and }} in {Elapsed:0.00} ms at {When:HH:mm}, {Count,5} items, [{Label,-8}] for {@Order} on {$Port} ({Ok})",
            12.345, new DateTime(2026, 11, 25, 10, 30, 0), 42, "ab", new Order(7, 9.5m), 4222, true);                   // 11
        serilog.ForContext("@l", "Fatal").ForContext("@t", "not a time").ForContext("@mt", "{Nothing}")
            .Information("A user property named {What}", "@l");                                                           // 12
        serilog.Warning("No value for {Missing} and {Invalid Token} stay as written");                                     // 13
    }

    private static readonly Level[] Levels =
    [
        Level.Debug, Level.Info, Level.Info, Level.Debug, Level.Debug, Level.Info, Level.Warning, Level.Error, Level.Info,
        Level.Trace, Level.Fatal, Level.Info, Level.Info, Level.Warning,
    ];

    private static Exception Thrown(Func<Exception> create)
    {
        try
        {
            throw create();
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>Writes with <paramref name="formatter"/> to a file and keeps the same events in memory.</summary>
    private (string Path, List<SerilogEvent> Events) WriteWithSerilog(ITextFormatter formatter, Action<Func<string, Microsoft.Extensions.Logging.ILogger>, Serilog.ILogger> log)
    {
        var path = Path.Combine(_dir, "app.clef");
        var memory = new SerilogMemorySink();
        using (var serilog = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.File(formatter, path).WriteTo.Sink(memory).CreateLogger())
        using (var factory = new SerilogLoggerFactory(serilog))
            log(factory.CreateLogger, serilog);
        return (path, memory.Events);
    }

    private static (string Format, List<LogTriage.Parsing.LogEvent> Events) Read(string path)
    {
        var stats = new InputStatistics(path);
        using var lines = new PeekableLines(LineReader.ReadLines(File.OpenRead(path), stats));
        var format = FormatDetector.Default.Detect(lines.Peek(50));
        return (format.Name, format.CreateParser(path).Parse(lines).ToList());
    }

    /// <summary>The type and message lines of an exception's text, without its stack frames.</summary>
    private static string Summary(Exception exception) => string.Join(" | ", exception.ToString().Split('\n')
        .Where(l => !Regex.IsMatch(l, @"^\s+at ") && l.Trim() is { Length: > 0 } t && t != "--- End of inner exception stack trace ---")
        .Select(l => l.Trim()));

    private static IEnumerable<TestCaseData> Formatters()
    {
        yield return new TestCaseData(new CompactJsonFormatter(), false).SetName("CompactJsonFormatter (@mt rendered by the reader)");
        yield return new TestCaseData(new RenderedCompactJsonFormatter(), true).SetName("RenderedCompactJsonFormatter (@m)");
    }

    [TestCaseSource(nameof(Formatters))]
    public void Every_event_reads_back_as_Serilog_had_it(ITextFormatter formatter, bool rendered)
    {
        var (path, written) = WriteWithSerilog(formatter, LogAClientsLife);
        var (format, events) = Read(path);

        Assert.That(format, Is.EqualTo("clef"));
        Assert.That(events, Has.Count.EqualTo(written.Count).And.Count.EqualTo(Levels.Length));
        Assert.That(events.Select(e => e.Level), Is.EqualTo(Levels));
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < events.Count; i++)
        {
            var (read, serilog) = (events[i], written[i]);
            Assert.That(read.Parsed, Is.True, lines[i]);
            Assert.That(read.Origin, Is.EqualTo(EventOrigin.Client));
            Assert.That(read.Line, Is.EqualTo(i + 1));
            Assert.That(read.Text, Is.EqualTo(lines[i]));
            Assert.That(read.Time, Is.EqualTo(serilog.Timestamp), lines[i]);

            var message = rendered ? serilog.RenderMessage() : SerilogRendering.WithStringsUnquoted(serilog);
            var expected = serilog.Exception is null ? message : $"{message} | {Summary(serilog.Exception)}";
            Assert.That(read.Message, Is.EqualTo(expected), lines[i]);
        }
    }

    [Test]
    public void A_template_renders_like_the_library_s_own_text()
    {
        var (path, _) = WriteWithSerilog(new CompactJsonFormatter(), LogAClientsLife);
        var events = Read(path).Events;

        Assert.That(events[5].Message, Is.EqualTo("Reconnecting to NATS nats://127.0.0.1:4222 [1]"));
        Assert.That(events[11].Message, Is.EqualTo(
            "Escaped {braces} and } in 12.35 ms at 10:30,    42 items, [ab      ] for {\"Id\":7,\"Total\":9.5,\"$type\":\"Order\"} on 4222 (True)"));
        Assert.That(events[12].Message, Is.EqualTo("A user property named @l"));
        Assert.That(events[13].Message, Is.EqualTo("No value for {Missing} and {Invalid Token} stay as written"));
    }

    [Test]
    public void A_user_property_named_like_a_reserved_one_is_not_taken_for_it()
    {
        var (path, written) = WriteWithSerilog(new CompactJsonFormatter(), LogAClientsLife);
        var line = File.ReadAllLines(path)[12];
        Assert.That(line, Does.Contain("\"@@l\":\"Fatal\"").And.Contain("\"@@t\":\"not a time\"").And.Contain("\"@@mt\":\"{Nothing}\""));

        var read = Read(path).Events[12];
        Assert.That(read.Level, Is.EqualTo(Level.Info));
        Assert.That(read.Time, Is.EqualTo(written[12].Timestamp));
        Assert.That(read.Message, Is.EqualTo("A user property named @l"));
    }

    [TestCaseSource(nameof(Formatters))]
    public void The_exception_s_type_and_message_lines_are_in_the_message_without_its_stack(ITextFormatter formatter, bool rendered)
    {
        var (path, _) = WriteWithSerilog(formatter, LogAClientsLife);
        var events = Read(path).Events;

        Assert.That(events[6].Message, Is.EqualTo($"Failed to connect NATS {(rendered ? $"\"{Url}\"" : Url)} [3] | NATS.Client.Core.NatsException: can not connect uris: {Url}"
                                                  + " | ---> System.Net.Sockets.SocketException (111): Connection refused"));
        Assert.That(events[7].Message, Does.StartWith("Error occured during read loop | System.InvalidOperationException: read loop failed")
            .And.Contain("---> System.IO.IOException: Unable to read data from the transport connection")
            .And.Contain("---> System.Net.Sockets.SocketException (104): Connection reset by peer")
            .And.Not.Contain(" at ").And.Not.Contain("End of inner exception"));
        Assert.That(events[7].Text, Does.Contain("@x").And.Contain("   at "), "the raw line keeps the whole exception");
    }

    [TestCaseSource(nameof(Formatters))]
    public void The_reader_renders_the_connect_line_a_rule_names_the_client_from(ITextFormatter formatter, bool rendered)
    {
        // Which client a log is about is declared by a rule (identifies: [client]), not decided by the reader.
        var (path, _) = WriteWithSerilog(formatter, LogAClientsLife);
        var events = Read(path).Events;
        Assert.That(events.Select(e => e.Connection), Is.All.Null);
        // Serilog's own rendering (@m) quotes strings; the reader renders @mt as the MEL console does.
        Assert.That(events[2].Message, Does.Match(rendered ? "^Connect succeed \"orders\", NATS " : "^Connect succeed orders, NATS "));
    }

    [Test]
    public void A_broken_line_is_one_unparsed_event_and_the_rest_still_read()
    {
        var (path, written) = WriteWithSerilog(new CompactJsonFormatter(), LogAClientsLife);
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(5, "{\"@t\":\"2026-11-25T10:00:00Z\",\"@mt\":\"cut off");
        lines.Insert(8, "Unhandled exception. System.Exception: not JSON");
        lines.Insert(10, "{\"@mt\":\"no time\",\"@t\":42}");
        File.WriteAllLines(path, lines);

        var (format, events) = Read(path);
        Assert.That(format, Is.EqualTo("clef"));
        Assert.That(events, Has.Count.EqualTo(written.Count + 3));
        Assert.That(events.Where(e => !e.Parsed).Select(e => e.Line), Is.EqualTo(new long[] { 6, 9, 11 }));
        Assert.That(events.Where(e => !e.Parsed).Select(e => e.Text), Is.EqualTo(new[] { lines[5], lines[8], lines[10] }));
        Assert.That(events[5].Time, Is.EqualTo(written[4].Timestamp), "an unparsed line keeps its place in time");
        Assert.That(events.Where(e => e.Parsed).Select(e => e.Message.Split(" | ")[0]), Is.EqualTo(written.Select(SerilogRendering.WithStringsUnquoted)));
    }

    [Test]
    public void A_clef_log_is_read_as_clef_and_a_server_log_is_not()
    {
        var (path, _) = WriteWithSerilog(new CompactJsonFormatter(), LogAClientsLife);
        var clef = File.ReadAllLines(path);
        var server = File.ReadAllLines(RepositoryPaths.Sample("healthy.log"));

        Assert.That(FormatDetector.Default.Detect(clef).Name, Is.EqualTo("clef"));
        Assert.That(new NatsServerLogFormat().Recognise(clef), Is.Zero);
        Assert.That(new ClefLogFormat().Recognise(clef), Is.EqualTo(1));
        Assert.That(FormatDetector.Default.Detect(server).Name, Is.EqualTo("nats-server"));
        Assert.That(new ClefLogFormat().Recognise(server), Is.Zero);
    }

    [Test]
    public void A_real_NATS_Net_client_that_finds_no_server_is_reported_from_its_CLEF_log()
    {
        var port = FreePort();
        var path = Path.Combine(_dir, "client.clef");
        using (var serilog = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.File(new CompactJsonFormatter(), path).CreateLogger())
        using (var factory = new SerilogLoggerFactory(serilog))
        {
            var opts = NatsOpts.Default with { Url = $"nats://127.0.0.1:{port}", Name = "billing", LoggerFactory = factory, ConnectTimeout = TimeSpan.FromSeconds(2) };
            var connection = new NatsConnection(opts);
            Assert.ThrowsAsync<NatsException>(async () => await connection.ConnectAsync());
            connection.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        }

        var (format, events) = Read(path);
        Assert.That(format, Is.EqualTo("clef"));
        Assert.That(events.All(e => e.Parsed), Is.True, File.ReadAllText(path));
        Assert.That(events.Select(e => e.Message), Has.Some.StartsWith($"Fail to connect NATS nats://127.0.0.1:{port}").And.Some.Contains("Connection refused"),
            File.ReadAllText(path));

        var result = ShippedRules.Analyzer.Analyze([InputSource.FromFile(path)]);
        Assert.That(result.Inputs[0].Format, Is.EqualTo("clef"));
        Assert.That(result.Causes, Is.Not.Empty, File.ReadAllText(path));
        Assert.That(result.Causes[0].Cause, Is.AnyOf("unreachable", "client"), File.ReadAllText(path));
    }

    private static int FreePort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Keeps what Serilog logged, to compare the file's reading with.</summary>
    internal sealed class SerilogMemorySink : Serilog.Core.ILogEventSink
    {
        public List<SerilogEvent> Events { get; } = [];

        public void Emit(SerilogEvent logEvent) => Events.Add(logEvent);
    }

    /// <summary>
    /// Serilog's own rendering of a message, token by token, with the two differences the reader
    /// chose: a string property without Serilog's quotes, and an unformatted object or array as
    /// the JSON Serilog wrote for it (CLEF keeps no more of it).
    /// </summary>
    internal static class SerilogRendering
    {
        private static readonly JsonValueFormatter Json = new(typeTagName: "$type");

        public static string WithStringsUnquoted(SerilogEvent logEvent)
        {
            var text = new StringWriter();
            foreach (var token in logEvent.MessageTemplate.Tokens)
            {
                if (token is PropertyToken property && logEvent.Properties.TryGetValue(property.PropertyName, out var value))
                {
                    if (value is ScalarValue { Value: string s })
                    {
                        text.Write(Align(s, property.Alignment));
                        continue;
                    }
                    if (value is not ScalarValue && property.Format is null)
                    {
                        var json = new StringWriter();
                        Json.Format(value, json);
                        text.Write(Align(json.ToString(), property.Alignment));
                        continue;
                    }
                }
                token.Render(logEvent.Properties, text);
            }
            return text.ToString();
        }

        private static string Align(string value, Alignment? alignment) => alignment is not { } a ? value
            : a.Direction == AlignmentDirection.Left ? value.PadRight(a.Width) : value.PadLeft(a.Width);
    }
}
