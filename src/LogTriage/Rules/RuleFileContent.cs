namespace LogTriage.Rules;

/// <summary>What one rule file defined, and what was wrong in it.</summary>
public sealed record RuleFileContent(
    IReadOnlyList<CauseDefinition> Causes,
    IReadOnlyList<RuleDefinition> Rules,
    IReadOnlyList<RuleError> Errors);
