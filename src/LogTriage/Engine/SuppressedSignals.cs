namespace LogTriage.Engine;

/// <summary>How many signals of a rule one of its exceptions held back.</summary>
public sealed record SuppressedSignals(string RuleId, string Exception, long Signals);
