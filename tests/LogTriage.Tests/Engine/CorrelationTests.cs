using LogTriage.Input;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Engine;

/// <summary>
/// A server log and a client log read together: the server names why it closed the connection,
/// the client only saw it close. Alone, each tells half; together, the engine joins them.
/// </summary>
public class CorrelationTests
{
    private static readonly string ServerLog = string.Join('\n', File.ReadAllLines(RepositoryPaths.Sample("slow-consumer.log")));

    /// <summary>What a Go client application logs (its disconnect handler) seconds after the server dropped it.</summary>
    private static string ClientLog(TimeSpan after)
    {
        var close = ShippedRules.Analyzer.Analyze([InputSource.FromText("server.log", ServerLog)]).Causes[0].FirstSeen!.Value + after;
        return $"{close:yyyy/MM/dd HH:mm:ss} connected to nats://127.0.0.1:4222\n" +
               $"{close:yyyy/MM/dd HH:mm:ss} Disconnected due to: EOF, will attempt reconnects for 10m\n";
    }

    [Test]
    public void The_client_log_alone_shows_only_a_network_disconnect()
    {
        var result = ShippedRules.Analyzer.Analyze([InputSource.FromText("client.log", ClientLog(TimeSpan.FromSeconds(1)))]);
        Assert.That(result.Causes[0].Cause, Is.EqualTo("network"));
    }

    [Test]
    public void Read_together_the_server_close_reason_explains_the_client_disconnect()
    {
        var result = ShippedRules.Analyzer.Analyze([
            InputSource.FromText("client.log", ClientLog(TimeSpan.FromSeconds(1))),
            InputSource.FromText("server.log", ServerLog),
        ]);
        Assert.That(result.Causes.Select(c => c.Cause).ToList(), Is.EqualTo(new[] { "overload", "network" }));
        var overload = result.Causes[0];
        Assert.That(overload.Rules, Does.Contain("correlation.overload.slow-consumer-disconnect"));
        Assert.That(overload.Evidence.Select(e => e.Event.Input).Distinct(), Is.EquivalentTo(new[] { "server.log", "client.log" }),
            "evidence from both sides under one cause");
        Assert.That(result.Causes[1].ExplainedBy, Is.EqualTo(new[] { "overload" }));
    }

    [Test]
    public void A_client_disconnect_long_after_the_server_event_is_not_joined()
    {
        var result = ShippedRules.Analyzer.Analyze([
            InputSource.FromText("client.log", ClientLog(TimeSpan.FromMinutes(10))),
            InputSource.FromText("server.log", ServerLog),
        ]);
        Assert.That(result.Causes.SelectMany(c => c.Rules), Has.None.StartsWith("correlation."));
        Assert.That(result.Causes.Single(c => c.Cause == "network").ExplainedBy, Is.Empty);
    }
}
