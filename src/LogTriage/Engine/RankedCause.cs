using LogTriage.Parsing;
using LogTriage.Rules;

namespace LogTriage.Engine;

/// <summary>One cause as concluded from its findings, scored for ranking.</summary>
public sealed record RankedCause(
    CauseDefinition Definition,
    Severity Severity,
    double Confidence,
    long Count,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    IReadOnlyList<string> Rules,
    IReadOnlyList<EvidenceLine> Evidence,
    IReadOnlyList<string> Connections,
    IReadOnlyList<string> ExplainedBy,
    IReadOnlyList<string> Explains)
{
    public string Cause => Definition.Id;

    /// <summary>Severity weight times confidence: what the ranking orders by.</summary>
    public double Score { get; init; }

    /// <summary>Input lines behind the cause, each counted once however many of its rules matched it.</summary>
    public long Lines { get; init; }

    /// <summary>The inputs the cause was seen in, in name order: in a fleet, its servers and clients.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];
}

/// <summary>An event shown as evidence, with the rule that picked it.</summary>
public sealed record EvidenceLine(LogEvent Event, string RuleId, string RuleTitle);
