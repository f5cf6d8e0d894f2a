using LogTriage.Parsing;

namespace LogTriage.Engine;

/// <summary>
/// Fact: for one threshold rule and one key (an address, a connection...), the most signals seen
/// inside the rule's window (<see cref="Peak"/>, capped at the threshold), and the events of that window.
/// </summary>
public sealed record ThresholdTally(
    string RuleId,
    string Cause,
    string Key,
    int Peak,
    long Total,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    SignalPosition? FirstPosition,
    IReadOnlyList<LogEvent> Evidence);
