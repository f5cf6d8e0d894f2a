using LogTriage.Parsing;
using LogTriage.Rules;

namespace LogTriage.Engine;

/// <summary>Fact inserted by a fired rule: this rule holds, for this cause, on this evidence.</summary>
public sealed record Finding(
    RuleDefinition Rule,
    string? Key,
    long Count,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    SignalPosition? FirstPosition,
    IReadOnlyList<LogEvent> Evidence,
    IReadOnlyList<string> Connections)
{
    /// <summary>When the finding's signals happened, run by run; one run for a threshold's window.</summary>
    public IReadOnlyList<Burst> Bursts { get; init; } = [];

    public string RuleId => Rule.Id;
    public string Cause => Rule.Cause;

    /// <summary>Threshold findings count signals already counted by the rule they count.</summary>
    public bool AddsToCount => Rule.IsEventRule;

    public static Finding FromTally(RuleDefinition rule, RuleTally t) =>
        new(rule, null, t.Count, t.FirstSeen, t.LastSeen, t.FirstPosition, t.Evidence, t.Connections) { Bursts = t.Bursts };

    /// <summary>A sequence joins two tallies of one key: its evidence comes from both sides.</summary>
    public static Finding FromSequence(RuleDefinition rule, RuleTally first, RuleTally then) =>
        new(rule, first.Key, first.Count + then.Count, first.FirstSeen ?? then.FirstSeen, Later(first.LastSeen, then.LastSeen),
            first.FirstPosition, [.. first.Evidence.Take(3), .. then.Evidence.Take(3)],
            [.. first.Connections.Union(then.Connections).Order(StringComparer.Ordinal)]) { Bursts = first.Bursts };

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    public static Finding FromThreshold(RuleDefinition rule, ThresholdTally t) =>
        new(rule, t.Key, t.Peak, t.FirstSeen, t.LastSeen, t.FirstPosition, t.Evidence,
            NamesAConnection(rule.Threshold!.Per) ? [$"{rule.Threshold.Per.Kind} {t.Key}"] : [])
        {
            Bursts = t.FirstSeen is { } first ? [new Burst(first, t.LastSeen ?? first, t.Peak)] : [],
        };

    private static bool NamesAConnection(Rules.GroupBy per) =>
        per.Kind is "connection" or "address" or "endpoint" or "client" or "account" or "user";
}
