using LogTriage.Input;
using LogTriage.Parsing;

namespace LogTriage.Tests.Parsing;

/// <summary>
/// A JSON logger's serialised error carries the exception: pino's <c>err</c> object, written by
/// pino itself for nats.js' refused connect (Fixtures/clients/README.md).
/// </summary>
public class JsonLinesExceptionTests
{
    [Test]
    public void Pinos_error_object_gives_the_type_message_code_and_cause()
    {
        var text = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Parsing", "Fixtures", "clients", "pino-nats-js-v2-connect-refused.log"));
        var stats = new InputStatistics("app");
        using var lines = new PeekableLines(LineReader.ReadLines(InputSource.FromText("app", text).Open(), stats));
        var format = FormatDetector.Default.Detect(lines.Peek(50));
        var events = format.CreateParser("app").Parse(lines).ToList();
        Assert.That(format.Name, Is.EqualTo("json-lines"));
        Assert.That(events.Select(e => e.Message), Is.EqualTo(new[]
        {
            "connecting to nats",
            "nats connect failed | NatsError: CONNECTION_REFUSED | code: CONNECTION_REFUSED | Caused by: Error: connect ECONNREFUSED 127.0.0.1:4299",
        }));
        Assert.That(events[1].Level, Is.EqualTo(LogLevel.Error));
    }

    [Test]
    public void A_string_field_with_a_traceback_gives_the_exceptions_only()
    {
        // The field python-json-logger writes logging's formatted exc_info into.
        const string line = """{"asctime": "2026-11-25 10:00:00,123", "levelname": "ERROR", "name": "nats.aio.client", "message": "nats: encountered error", "exc_info": "Traceback (most recent call last):\n  File \"/usr/local/lib/python3.12/site-packages/nats/aio/client.py\", line 1501, in _select_next_server\n    await self._connect_to_server(s)\nConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 4222)"}""";
        var stats = new InputStatistics("app");
        using var lines = new PeekableLines(LineReader.ReadLines(InputSource.FromText("app", line).Open(), stats));
        var events = new JsonLinesFormat().CreateParser("app").Parse(lines).ToList();
        Assert.That(events.Single().Message, Is.EqualTo("nats: encountered error | at nats.aio.client._select_next_server | ConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 4222)"));
        Assert.That(events.Single().Level, Is.EqualTo(LogLevel.Error));
    }
}
