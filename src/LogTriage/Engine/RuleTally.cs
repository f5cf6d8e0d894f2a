using LogTriage.Parsing;

namespace LogTriage.Engine;

/// <summary>Fact: every signal of one single-event rule, summarised.</summary>
public sealed record RuleTally(
    string RuleId,
    string Cause,
    long Count,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    SignalPosition FirstPosition,
    IReadOnlyList<LogEvent> Evidence,
    IReadOnlyList<string> Connections);
