using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Tests.Support;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace LogTriage.Tests.Parsing;

/// <summary>
/// NATS.Net's own console output: a real NatsConnection, logging through Microsoft.Extensions.Logging's
/// console provider, fails to reach a port where nothing listens. What it printed is read back.
/// </summary>
[NonParallelizable]
public class MelConsoleFormatTests
{
    private static string CaptureNatsNetConsoleOutput(bool singleLine)
    {
        var original = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            using (var factory = LoggerFactory.Create(b => b
                       .SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug)
                       .AddSimpleConsole(o => { o.SingleLine = singleLine; o.ColorBehavior = Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Disabled; o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff "; })))
            {
                var port = FreeTcpPort();
                var opts = NatsOpts.Default with { Url = $"nats://127.0.0.1:{port}", Name = "console-app", LoggerFactory = factory, ConnectTimeout = TimeSpan.FromSeconds(2) };
                var connection = new NatsConnection(opts);
                Assert.ThrowsAsync<NatsException>(async () => await connection.ConnectAsync());
                connection.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
            }
            // Disposing the factory flushes the console logger's queue.
            return captured.ToString();
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    private static int FreeTcpPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static (string Format, List<LogEvent> Events) Read(string text)
    {
        var stats = new InputStatistics("console");
        using var lines = new PeekableLines(LineReader.ReadLines(InputSource.FromText("console", text).Open(), stats));
        var format = FormatDetector.Default.Detect(lines.Peek(50));
        return (format.Name, format.CreateParser("console").Parse(lines).ToList());
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Reads_what_NATS_Net_writes_to_the_console(bool singleLine)
    {
        var output = CaptureNatsNetConsoleOutput(singleLine);
        Assert.That(output, Does.Contain("NATS.Client.Core.NatsConnection"), output);

        var (format, events) = Read(output);
        Assert.That(format, Is.EqualTo("mel-console"), output);
        Assert.That(events.Where(e => !e.Parsed), Is.Empty, output);
        Assert.That(events.All(e => e.Origin == EventOrigin.Client && e.Time is not null), Is.True);
        var failure = events.FirstOrDefault(e => e.Message.Contains("Fail", StringComparison.OrdinalIgnoreCase) && e.Level >= LogTriage.Parsing.LogLevel.Warning);
        Assert.That(failure, Is.Not.Null, output);
        Assert.That(failure!.Message, Does.Contain("refused").IgnoreCase, "the exception's message is part of what rules see");
        Assert.That(failure.Message, Does.Not.Contain("   at "), "stack frames are not");
    }

    [Test]
    public void The_report_names_the_cause_from_the_console_output()
    {
        var output = CaptureNatsNetConsoleOutput(singleLine: false);
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("console.log", output)]);
        Assert.That(result.Inputs[0].Format, Is.EqualTo("mel-console"));
        Assert.That(result.Causes, Is.Not.Empty, output);
        Assert.That(result.Causes[0].Cause, Is.AnyOf("unreachable", "client"), output);
    }
}
