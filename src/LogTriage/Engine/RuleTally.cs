using LogTriage.Parsing;

namespace LogTriage.Engine;

/// <summary>
/// Fact: the signals of one single-event rule, summarised; for all of them (<see cref="Per"/> is
/// <c>null</c>), or for one key (one client name, one address...) when a sequence rule joins on it.
/// </summary>
public sealed record RuleTally(
    string RuleId,
    string Cause,
    long Count,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    SignalPosition FirstPosition,
    IReadOnlyList<LogEvent> Evidence,
    IReadOnlyList<string> Connections,
    string? Per = null,
    string? Key = null)
{
    /// <summary>When the signals happened, run by run.</summary>
    public IReadOnlyList<Burst> Bursts { get; init; } = [];
}
