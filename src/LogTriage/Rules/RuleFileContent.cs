namespace LogTriage.Rules;

/// <summary>What one rule file defined, and what was wrong in it.</summary>
internal sealed record RuleFileContent(
    IReadOnlyList<CauseDefinition> Causes,
    IReadOnlyList<RuleDefinition> Rules,
    IReadOnlyList<RuleError> Errors)
{
    /// <summary>The file's text as read, for the rule set's content hash.</summary>
    public string Text { get; init; } = "";

    /// <summary>Ids of earlier rules this file turns off (<c>disabled: true</c>).</summary>
    public IReadOnlyList<(string Id, SourceLocation Location)> Disabled { get; init; } = [];

    /// <summary>Exceptions this file adds to rules of an earlier directory.</summary>
    public IReadOnlyList<RuleAmendment> Amendments { get; init; } = [];

    /// <summary>The ranker's constants, when this file sets them.</summary>
    public ScoringDefinition? Scoring { get; init; }
}
