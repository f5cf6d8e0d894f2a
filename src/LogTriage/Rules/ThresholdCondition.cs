namespace LogTriage.Rules;

/// <summary>A threshold rule: at least <see cref="Count"/> signals of another rule within a window, per key.</summary>
public sealed record ThresholdCondition(string RuleId, int Count, TimeSpan Within, GroupBy Per);
