namespace LogTriage.Rules;

/// <summary>
/// One rule as written in YAML: a single-event rule (<see cref="When"/>), a threshold over another
/// rule (<see cref="Threshold"/>) or a sequence of two rules' signals (<see cref="Sequence"/>),
/// optionally explaining other causes.
/// </summary>
public sealed record RuleDefinition(
    string Id,
    string Cause,
    string Title,
    Severity Severity,
    double Confidence,
    RuleSource Source,
    EventCondition? When,
    ThresholdCondition? Threshold,
    SequenceCondition? Sequence,
    ExplainsRelation? Explains,
    RuleExamples Examples,
    SourceLocation Location)
{
    /// <summary>What must not have happened around this rule's signals for it to hold; any one of them vetoes it.</summary>
    public IReadOnlyList<UnlessCondition> Unless { get; init; } = [];

    /// <summary>
    /// The key kinds this rule's matches name for the rest of their input, from the regex group of
    /// the same name (<c>identifies: [client]</c>: "Connect succeed orders, NATS ..." names the
    /// client of that application log, so its later lines join the server's lines about it).
    /// </summary>
    public IReadOnlyList<string> Identifies { get; init; } = [];

    /// <summary>Key or field values under which the rule does not fire.</summary>
    public IReadOnlyList<RuleException> Exceptions { get; init; } = [];

    public bool IsEventRule => When is not null;
}
