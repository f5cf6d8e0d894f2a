namespace LogTriage.Rules;

/// <summary>
/// Logs a rule must match and must not match; the suite and <c>rules test</c> run them. An example
/// is one or more inputs (several for rules that join a server log with a client log), each a snippet.
/// </summary>
public sealed record RuleExamples(IReadOnlyList<IReadOnlyList<string>> Match, IReadOnlyList<IReadOnlyList<string>> NoMatch)
{
    public static RuleExamples None { get; } = new([], []);
}
