using LogTriage.Input;
using LogTriage.Rules;

namespace LogTriage.Tests.Signals;

/// <summary>
/// An application log names its client once; a rule with <c>identifies: [client]</c> carries that
/// name to the input's later lines, so rules keyed per client tell two applications apart.
/// </summary>
public class InputIdentityTests
{
    private static string Rules(string identifies) => $$"""
        causes:
          - { id: network, title: Network, summary: s, diagnosis: d, fix: [f] }
        rules:
          - id: connected
            cause: network
            severity: info
            source: client
            {{identifies}}
            when: { message: { contains: Connect succeed, regex: '^Connect succeed (?<client>.+?), NATS ' } }
          - id: lost
            cause: network
            severity: warning
            source: client
            when: { message: { contains: Socket closed during read loop } }
          - id: lost-twice
            cause: network
            severity: error
            threshold: { rule: lost, count: 2, within: 1m, per: client }
        """;

    // NATS.Net's own lines, as its console logger writes them, for two applications.
    private static readonly (string, string)[] Logs =
    [
        ("orders.log", """
            2026-11-25T10:00:00.000Z info: NATS.Client.Core.NatsConnection[1001] Connect succeed orders, NATS nats://127.0.0.1:4222
            2026-11-25T10:00:10.000Z dbug: NATS.Client.Core.Internal.NatsReadProtocolProcessor[1005] Socket closed during read loop
            """),
        ("billing.log", """
            2026-11-25T10:00:00.000Z info: NATS.Client.Core.NatsConnection[1001] Connect succeed billing, NATS nats://127.0.0.1:4222
            2026-11-25T10:00:11.000Z dbug: NATS.Client.Core.Internal.NatsReadProtocolProcessor[1005] Socket closed during read loop
            """),
    ];

    private static IEnumerable<string> Fired(string identifies)
    {
        var set = new RuleSetLoader().LoadFiles([("identity.yaml", () => new StringReader(Rules(identifies)))]);
        var result = new LogAnalyzer(set).Analyze(Logs.Select(l => InputSource.FromText(l.Item1, l.Item2)));
        return result.Causes.Concat(result.Context).SelectMany(c => c.Rules);
    }

    [Test]
    public void Named_clients_are_told_apart()
    {
        Assert.That(Fired("identifies: [client]"), Does.Contain("lost").And.Not.Contain("lost-twice"));
    }

    [Test]
    public void Unnamed_clients_are_one()
    {
        Assert.That(Fired(""), Does.Contain("lost-twice"));
    }
}
