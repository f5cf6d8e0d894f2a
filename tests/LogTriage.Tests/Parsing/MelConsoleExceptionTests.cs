using LogTriage.Input;
using LogTriage.Parsing;
using LogTriage.Tests.Support;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;

namespace LogTriage.Tests.Parsing;

/// <summary>
/// An application using NATS.Net logs the exceptions of its failed requests through
/// Microsoft.Extensions.Logging's console: a real server, a subject nobody serves, a service that
/// never answers. Each logged exception, frames and all, is one event naming its type and message.
/// </summary>
[NonParallelizable]
public class MelConsoleExceptionTests
{
    private static async Task<string> CaptureFailedRequestsAsync(bool singleLine)
    {
        using var server = NatsServerProcess.Start();
        var original = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            using (var factory = LoggerFactory.Create(b => b
                       .SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information)
                       .AddSimpleConsole(o => { o.SingleLine = singleLine; o.ColorBehavior = Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Disabled; o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff "; })))
            {
                var app = factory.CreateLogger("Orders.Lookup");
                await using var nats = new NatsConnection(NatsOpts.Default with { Url = server.Url, Name = "orders-lookup", LoggerFactory = factory });
                await nats.ConnectAsync();

                try
                {
                    await nats.RequestAsync<string, string>("orders.get", "42");
                }
                catch (NatsNoRespondersException e)
                {
                    app.LogError(e, "Order lookup failed");
                }

                await using var silent = await nats.SubscribeCoreAsync<string>("orders.slow");
                try
                {
                    await nats.RequestAsync<string, string>("orders.slow", "42", replyOpts: new NatsSubOpts { Timeout = TimeSpan.FromMilliseconds(300) });
                }
                catch (NatsNoReplyException e)
                {
                    app.LogError(e, "Order lookup failed");
                }
            }
            return captured.ToString();
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Each_logged_exception_is_one_event_with_its_type_and_message(bool singleLine)
    {
        var output = await CaptureFailedRequestsAsync(singleLine);
        Assert.That(output, Does.Contain("   at "), "the exceptions were logged with their frames");

        var stats = new InputStatistics("console");
        using var lines = new PeekableLines(LineReader.ReadLines(InputSource.FromText("console", output).Open(), stats));
        var format = FormatDetector.Default.Detect(lines.Peek(50));
        var events = format.CreateParser("console").Parse(lines).ToList();
        Assert.That(format.Name, Is.EqualTo("mel-console"), output);

        var failures = events.Where(e => e.Message.StartsWith("Order lookup failed", StringComparison.Ordinal)).ToList();
        // The single-line form writes the exception after the message with only a space between.
        var separator = singleLine ? " " : " | ";
        Assert.That(failures.Select(e => e.Message), Is.EqualTo(new[]
        {
            $"Order lookup failed{separator}NATS.Client.Core.NatsNoRespondersException: No responders",
            $"Order lookup failed{separator}NATS.Client.Core.NatsNoReplyException: No reply received",
        }), output);
        Assert.That(failures.All(e => e.Level == LogTriage.Parsing.LogLevel.Error), Is.True);
        if (!singleLine)
            Assert.That(failures.All(e => e.LineCount > 2), Is.True, "the frames are part of the event");
    }

    [Test]
    public async Task The_missing_service_is_named_as_the_clients_problem()
    {
        var output = await CaptureFailedRequestsAsync(singleLine: false);
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("console.log", output)]);
        Assert.That(result.Causes, Is.Not.Empty, output);
        Assert.That(result.Causes[0].Cause, Is.EqualTo("client"), output);
        Assert.That(result.Causes[0].Rules, Is.SupersetOf(new[] { "client.client.no-responders", "client.client.request-timeout" }), output);
    }

    /// <summary>
    /// The application lets NATS.Net's first-connect failure escape Main: after its console log the
    /// .NET host prints "Unhandled exception. " and the exception's text to the same terminal.
    /// </summary>
    [Test]
    public async Task An_unhandled_exception_after_the_console_log_is_one_event()
    {
        var original = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(captured);
        NatsException failure;
        try
        {
            using (var factory = LoggerFactory.Create(b => b
                       .AddSimpleConsole(o => { o.ColorBehavior = Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Disabled; o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff "; })))
            {
                using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
                listener.Start();
                var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                await using var nats = new NatsConnection(NatsOpts.Default with { Url = $"nats://127.0.0.1:{port}", LoggerFactory = factory, ConnectTimeout = TimeSpan.FromSeconds(2) });
                failure = Assert.ThrowsAsync<NatsException>(async () => await nats.ConnectAsync())!;
            }
        }
        finally
        {
            Console.SetOut(original);
        }
        var output = captured + $"Unhandled exception. {failure}\n";

        var stats = new InputStatistics("console");
        using var lines = new PeekableLines(LineReader.ReadLines(InputSource.FromText("console", output).Open(), stats));
        var format = FormatDetector.Default.Detect(lines.Peek(50));
        var events = format.CreateParser("console").Parse(lines).ToList();
        Assert.That(format.Name, Is.EqualTo("mel-console"), output);
        var unhandled = events.Last(e => e.Text.Length > 0);
        Assert.That(unhandled.Message, Does.StartWith("Unhandled exception. NATS.Client.Core.NatsException: can not connect uris: nats://127.0.0.1:"), output);
        Assert.That(unhandled.Level, Is.EqualTo(LogTriage.Parsing.LogLevel.Error));
        Assert.That(unhandled.LineCount, Is.EqualTo(failure.ToString().Split('\n').Length), "the frames are part of it");
        Assert.That(events.Where(e => !e.Parsed && e.Text.Trim().Length > 0), Is.Empty, output);
    }
}
