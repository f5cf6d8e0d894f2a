namespace LogTriage.Rules;

/// <summary>
/// One rule as written in YAML: either a single-event rule (<see cref="When"/>) or a threshold
/// over another rule (<see cref="Threshold"/>), optionally explaining other causes.
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
    ExplainsRelation? Explains,
    RuleExamples Examples,
    SourceLocation Location)
{
    public bool IsEventRule => When is not null;
}
