namespace LogTriage.Rules;

/// <summary>
/// The constants the ranker weighs evidence with, read from the <c>scoring:</c> section of the rule
/// files (rules/causes.yaml) so that they are tuned, and explained, where the rules live.
/// </summary>
public sealed record ScoringDefinition(
    IReadOnlyDictionary<Severity, double> SeverityWeights,
    double ExplainedPenalty,
    double VolumeDamping,
    double BreadthWeight,
    double FirstBonus,
    double MaxSingleSignalConfidence,
    double ContextShare)
{
    public static ScoringDefinition Default { get; } = new(
        new Dictionary<Severity, double> { [Severity.Critical] = 1.0, [Severity.Error] = 0.8, [Severity.Warning] = 0.55, [Severity.Info] = 0.2 },
        ExplainedPenalty: 0.5, VolumeDamping: 0.15, BreadthWeight: 0.1, FirstBonus: 0.05, MaxSingleSignalConfidence: 0.7, ContextShare: 0.8);
}
