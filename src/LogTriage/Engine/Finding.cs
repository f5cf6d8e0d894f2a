using LogTriage.Parsing;
using LogTriage.Rules;
using LogTriage.Signals;

namespace LogTriage.Engine;

/// <summary>
/// Linked fact inserted by a fired rule: this rule holds, for this key, over these signal facts.
/// NRules retracts it when its premises go (a later fact negates an <c>unless</c>, a window no longer
/// reaches its count).
/// </summary>
public sealed record Finding(
    RuleDefinition Rule,
    FactKey Key,
    long Count,
    long Lines,
    DateTimeOffset First,
    DateTimeOffset Last,
    IReadOnlyList<LogEvent> Evidence,
    IReadOnlyList<ConnectionInfo> Connections)
{
    /// <summary>What a threshold grouped by, named for the report ("address 10.0.0.5").</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The inputs its facts came from (at most <see cref="KeepInputs"/>): which servers and clients it touches.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    public const int KeepInputs = 64;

    /// <summary>False when the log had no times and <see cref="First"/>/<see cref="Last"/> only order lines.</summary>
    public bool Timed { get; init; } = true;

    public string RuleId => Rule.Id;
    public string Cause => Rule.Cause;

    /// <summary>Thresholds and sequences count signals that their single-event rules count already.</summary>
    public bool AddsToCount => Rule.IsEventRule;

    /// <summary>Whether <paramref name="symptom"/> began while this finding held or within <paramref name="within"/> after.</summary>
    public bool Precedes(Finding symptom, TimeSpan within) =>
        symptom.Last >= ClampedTime.Minus(First, SignalFact.ClockSkew) && symptom.First <= ClampedTime.Plus(Last, within);

    public static Finding Of(RuleDefinition rule, SignalFact f) =>
        new(rule, f.Key, f.Count, f.Lines, f.First, f.Last, f.Evidence, f.Connections) { Timed = f.Timed, Inputs = [f.Input] };

    /// <summary>A sequence's conclusion, from its two facts.</summary>
    public static Finding OfPair(RuleDefinition rule, SignalFact first, SignalFact then) => Of(rule, [first, then]);

    public static Finding Of(RuleDefinition rule, IEnumerable<SignalFact> facts)
    {
        // In the order of the log, ties included, never in the order the session holds them: facts
        // of one window can begin at the same moment (one host in two servers' logs), and which
        // came first decides the finding's key and evidence.
        var list = facts.OrderBy(f => f.First).ThenBy(f => f.Position.Input, StringComparer.Ordinal).ThenBy(f => f.Position.Line).ToList();
        return new Finding(rule, list[0].Key, list.Sum(f => f.Count), list.Sum(f => f.Lines), list[0].First, list.Max(f => f.Last),
            [.. list.SelectMany(f => f.Evidence).Take(6)], [.. list.SelectMany(f => f.Connections).Distinct().Take(8)])
        {
            Timed = list.All(f => f.Timed),
            Inputs = [.. list.Select(f => f.Input).Distinct(StringComparer.Ordinal).Take(KeepInputs)],
        };
    }

    /// <summary>The connection a threshold groups by, named in the report ("address 10.0.0.5").</summary>
    public static Finding OfWindow(RuleDefinition rule, GroupBy per, IEnumerable<SignalFact> facts)
    {
        var finding = Of(rule, facts);
        var value = finding.Key[per.ToString()];
        return per.Kind is "connection" or "address" or "endpoint" or "client" or "account" or "user" && value != FactKey.Any
            ? finding with { Groups = [$"{per.Kind} {value}"] }
            : finding;
    }
}
