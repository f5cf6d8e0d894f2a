using LogTriage.Tests.Support;

namespace LogTriage.Tests.Rules;

/// <summary>
/// Hundreds of resets and reconnects usually follow one root line. Every root a support engineer
/// would name explains the symptoms it causes (the network's resets and EOFs, the clients'
/// reconnect loops and "no servers available"), so the ranking puts the root first.
/// </summary>
public class ExplainsCoverageTests
{
    [TestCase("server.auth.credentials-expired")]
    [TestCase("server.overload.slow-consumer-max-pending")]
    [TestCase("server.overload.slow-consumer-write-deadline")]
    [TestCase("server.overload.closed-slow-consumer")]
    [TestCase("server.payload.max-payload-exceeded")]
    [TestCase("server.unreachable.shutdown")]
    [TestCase("server.unreachable.restarted")]
    [TestCase("server.unreachable.crash-loop")]
    [TestCase("server.unreachable.startup-failure")]
    [TestCase("server.server-bug.go-panic")]
    public void A_root_explains_the_network_and_client_symptoms_after_it(string root)
    {
        var rule = ShippedRules.Rules.RulesById[root];
        Assert.That(rule.Explains, Is.Not.Null, $"{root} explains nothing");
        Assert.That(rule.Explains!.Causes, Does.Contain("network").And.Contain("client"));
    }
}
