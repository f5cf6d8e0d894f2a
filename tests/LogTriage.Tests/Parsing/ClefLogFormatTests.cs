using System.Net.Sockets;
using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Tests.Support;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting;
using Serilog.Formatting.Compact;

namespace LogTriage.Tests.Parsing;

/// <summary>The CLEF reader, proved on files that Serilog.Formatting.Compact itself wrote.</summary>
[NonParallelizable]
public class ClefLogFormatTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("logtriage-clef-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    /// <summary>Logs NATS.Net's own templates through Microsoft.Extensions.Logging into Serilog, as an application does.</summary>
    private string WriteWithSerilog(ITextFormatter formatter, Action<Microsoft.Extensions.Logging.ILogger> log)
    {
        var path = Path.Combine(_dir, "app.clef");
        using (var serilog = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.File(formatter, path).CreateLogger())
        using (var factory = new SerilogLoggerFactory(serilog))
            log(factory.CreateLogger("NATS.Client.Core.NatsConnection"));
        return path;
    }

    private static (string Format, List<LogEvent> Events) Read(string path)
    {
        var stats = new InputStatistics(path);
        using var lines = new PeekableLines(LineReader.ReadLines(File.OpenRead(path), stats));
        var format = FormatDetector.Default.Detect(lines.Peek(50));
        return (format.Name, format.CreateParser(path).Parse(lines).ToList());
    }

    private static void LogNatsNetTemplates(Microsoft.Extensions.Logging.ILogger logger)
    {
        logger.LogInformation(new EventId(1001, "Connection"), "Connect succeed {Name}, NATS {Url}", "orders", "nats://127.0.0.1:4222");
        logger.LogDebug(new EventId(1005, "Protocol"), new NatsException("Socket has been closed.", new SocketException(104)), "Socket closed during read loop");
        logger.LogInformation(new EventId(1001, "Connection"), "Reconnecting to NATS {Url} [{ReconnectCount}]", "nats://127.0.0.1:4222", 1);
        logger.LogWarning(new EventId(1001, "Connection"), new SocketException(111), "Failed to connect NATS {Url} [{ReconnectCount}]", "nats://127.0.0.1:4222", 1);
        logger.LogError(new EventId(1003, "Security"), "Received same authentication error ({Error}) twice in a row. Stopping retires", "authorization violation");
        logger.LogInformation("Escaped {{braces}} and {Elapsed:0.00} ms for {@Order}", 12.345, new { Id = 7, Total = 9.5 });
    }

    [TestCaseSource(nameof(Formatters))]
    public void Reads_what_Serilog_wrote(ITextFormatter formatter)
    {
        var path = WriteWithSerilog(formatter, LogNatsNetTemplates);
        var (format, events) = Read(path);

        Assert.That(format, Is.EqualTo("clef"));
        Assert.That(events, Has.Count.EqualTo(6));
        Assert.That(events.All(e => e.Parsed && e.Origin == EventOrigin.Client && e.Time is not null), Is.True);
        Assert.That(events.Select(e => e.Level), Is.EqualTo(new[] { LogTriage.Parsing.LogLevel.Info, LogTriage.Parsing.LogLevel.Debug, LogTriage.Parsing.LogLevel.Info, LogTriage.Parsing.LogLevel.Warning, LogTriage.Parsing.LogLevel.Error, LogTriage.Parsing.LogLevel.Info }));
        Assert.That(events[0].Message, Is.EqualTo("Connect succeed orders, NATS nats://127.0.0.1:4222").Or.EqualTo("Connect succeed \"orders\", NATS \"nats://127.0.0.1:4222\""));
        Assert.That(events[3].Message, Does.Contain("Failed to connect NATS").And.Contain("nats://127.0.0.1:4222").And.Contain("Connection refused"));
        Assert.That(events[1].Message, Does.Contain("Socket closed during read loop").And.Contain("Socket has been closed."));
        Assert.That(events[5].Message, Does.Contain("Escaped {braces}"));
        Assert.That(events.Skip(1).All(e => e.Connection?.Name == "orders"), Is.True, "the client name named at connect is carried on");
    }

    private static IEnumerable<TestCaseData> Formatters()
    {
        yield return new TestCaseData(new CompactJsonFormatter()).SetName("CompactJsonFormatter (@mt)");
        yield return new TestCaseData(new RenderedCompactJsonFormatter()).SetName("RenderedCompactJsonFormatter (@m)");
    }

    [Test]
    public void A_broken_line_is_one_unparsed_event_and_the_rest_still_read()
    {
        var path = WriteWithSerilog(new CompactJsonFormatter(), LogNatsNetTemplates);
        var lines = File.ReadAllLines(path).ToList();
        lines.Insert(3, "{\"@t\":\"2026-11-25T10:00:00Z\",\"@mt\":\"cut off");
        File.WriteAllLines(path, lines);
        var (format, events) = Read(path);
        Assert.That(format, Is.EqualTo("clef"));
        Assert.That(events.Count(e => !e.Parsed), Is.EqualTo(1));
        Assert.That(events.Count(e => e.Parsed), Is.EqualTo(6));
    }

    [Test]
    public void A_real_NATS_Net_client_that_finds_no_server_is_reported_from_its_CLEF_log()
    {
        var port = FreePort();
        var path = WriteWithSerilog(new CompactJsonFormatter(), _ => { });
        File.Delete(path);
        using (var serilog = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.File(new CompactJsonFormatter(), path).CreateLogger())
        using (var factory = new SerilogLoggerFactory(serilog))
        {
            var opts = NatsOpts.Default with { Url = $"nats://127.0.0.1:{port}", Name = "billing", LoggerFactory = factory, ConnectTimeout = TimeSpan.FromSeconds(2) };
            var connection = new NatsConnection(opts);
            Assert.ThrowsAsync<NatsException>(async () => await connection.ConnectAsync());
            connection.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        }

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
}
