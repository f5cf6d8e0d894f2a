namespace LogTriage.Engine;

/// <summary>What the rules concluded: findings, what explains what, and what exceptions held back.</summary>
public sealed record EngineConclusions(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Explanation> Explanations,
    IReadOnlyList<Suppression> Suppressions);
