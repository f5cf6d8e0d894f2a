namespace LogTriage.Report;

/// <summary>The report every renderer draws from; plain data, nothing left to compute.</summary>
public sealed record CauseReport(
    string ToolName,
    string ToolVersion,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportedInput> Inputs,
    IReadOnlyList<ReportedCause> Causes,
    IReadOnlyList<ReportedCause> Context,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Warnings, errors and fatal lines no rule recognised, grouped by template.</summary>
    public IReadOnlyList<ReportedUnrecognised> Unrecognised { get; init; } = [];

    /// <summary>Signals that rules' exceptions held back.</summary>
    public IReadOnlyList<ReportedSuppression> Suppressed { get; init; } = [];

    /// <summary>Which rule set made the report (a hash of the rule files), for a ticket.</summary>
    public string? RuleSetHash { get; init; }

    /// <summary>Secrets removed from the report's texts; null when redaction was off.</summary>
    public int? Redactions { get; init; }

    /// <summary>The command that made the report, for a ticket (secrets removed).</summary>
    public string? CommandLine { get; init; }

    /// <summary>What the rules engine was given and did; null when it did not run.</summary>
    public ReportedEngine? Engine { get; init; }
}

public sealed record ReportedSuppression(string Rule, string Exception, long Signals);

public sealed record ReportedEngine(long FactsInserted, int LiveFacts, long RulesFired, long Milliseconds);

public sealed record ReportedUnrecognised(string Template, string Level, long Count, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen, ReportedEvidence Example);

public sealed record ReportedInput(string Name, string Format, long Lines, long Bytes, long Unparsed, string? Error)
{
    /// <summary>Lines cut at the reader's maximum length.</summary>
    public long TruncatedLines { get; init; }

    /// <summary>The earliest and latest time in the input's events.</summary>
    public DateTimeOffset? FirstTime { get; init; }

    public DateTimeOffset? LastTime { get; init; }
}

public sealed record ReportedCause(
    string Cause,
    string Title,
    string Summary,
    string Severity,
    double Confidence,
    long Count,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    IReadOnlyList<string> Rules,
    IReadOnlyList<ReportedEvidence> Evidence,
    IReadOnlyList<string> Connections,
    IReadOnlyList<string> ExplainedBy,
    IReadOnlyList<string> Explains,
    string Diagnosis,
    IReadOnlyList<string> Fix,
    string? Why)
{
    /// <summary>
    /// What a context finding is, in the words of the rule that saw it ("The server process
    /// started"), rather than the title of the cause it would belong to.
    /// </summary>
    public string SignalTitle => Evidence.Count > 0 && Evidence[0].RuleTitle.Length > 0 ? Evidence[0].RuleTitle : Title;

    /// <summary>The inputs the cause was seen in (in a fleet: <c>cluster/server:path</c>, so its servers and clients).</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];
}

public sealed record ReportedEvidence(string Input, long Line, DateTimeOffset? Time, string Text, string Rule, string RuleTitle)
{
    /// <summary>The lines just before the evidence line in its input, when the input could be read again.</summary>
    public IReadOnlyList<string> Before { get; init; } = [];

    /// <summary>The lines just after it.</summary>
    public IReadOnlyList<string> After { get; init; } = [];
}
