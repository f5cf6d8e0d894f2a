namespace LogTriage.Rules;

/// <summary>A user layer's <c>{ id: X, exceptions: [...] }</c>: tunes a shipped rule without redefining it.</summary>
internal sealed record RuleAmendment(string RuleId, IReadOnlyList<RuleException> Exceptions, SourceLocation Location);
