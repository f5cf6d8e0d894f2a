using LogTriage.Parsing;
using LogTriage.Tests.Pipeline;
using LogTriage.Tests.Report;

namespace LogTriage.Tests.Parsing;

/// <summary>
/// The skip test finds where a message starts without making the connection; it must agree with
/// the parser that makes it, or a line could be skipped whose message holds a rule's literal.
/// </summary>
public class ConnectionMessageStartTests
{
    [Test]
    public void Message_start_agrees_with_the_connection_parser_on_every_sample_and_generated_line()
    {
        var lines = ReportFixtures.SampleLogs().SelectMany(File.ReadLines)
            .Concat(System.Text.Encoding.UTF8.GetString(ParallelPipelineTests.GeneratedLog(5000)).Split('\n'))
            .Concat([
                "10.0.0.1:4222 - rid:7 - \"v2.10.0:go\" - \"APP/user:bob\" - Router connection closed",
                "[::1]:51234 - cid:5 - Slow Consumer Detected",
                "1.2.3.4/10.0.0.1:8080 - wid:9 - \"v1:js:web\" - Websocket closed",
                "SYSTEM - Server is ready",
                "10.0.0.1:4222 - cid:7",
                "10.0.0.1:4222 - cid:x - not an id",
                "10.0.0.1:42x2 - cid:7 - not a port",
                "10.0.0.1:4222 - cid:7 - \"unterminated - message",
            ]);
        var compared = 0;
        foreach (var line in lines)
        {
            var body = ServerLinePrefixParser.TryFind(line, out var prefix) ? line[prefix.MessageStart..].TrimEnd() : line;
            ConnectionPrefixParser.TryParse(body, out var expected);
            Assert.That(ConnectionPrefixParser.MessageStart(body), Is.EqualTo(expected), body);
            compared++;
        }
        Assert.That(compared, Is.GreaterThan(5000));
    }
}
