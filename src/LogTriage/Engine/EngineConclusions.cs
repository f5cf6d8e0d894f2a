namespace LogTriage.Engine;

/// <summary>The findings and explanations the rules derived.</summary>
public sealed record EngineConclusions(IReadOnlyList<Finding> Findings, IReadOnlyList<Explanation> Explanations);
