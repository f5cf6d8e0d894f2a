namespace LogTriage.Rules;

/// <summary>Log snippets a rule must match and must not match; the suite and <c>rules test</c> run them.</summary>
public sealed record RuleExamples(IReadOnlyList<string> Match, IReadOnlyList<string> NoMatch)
{
    public static RuleExamples None { get; } = new([], []);
}
