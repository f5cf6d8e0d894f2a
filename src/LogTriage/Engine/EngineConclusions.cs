namespace LogTriage.Engine;

/// <summary>What the rules concluded: findings, what explains what, and what exceptions held back.</summary>
internal sealed record EngineConclusions(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Explanation> Explanations,
    IReadOnlyList<Suppression> Suppressions);
