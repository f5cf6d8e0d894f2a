using LogTriage.Input;
using LogTriage.Rules;

namespace LogTriage;

/// <summary>
/// Runs every rule's own examples through the whole pipeline: a <c>match</c> example must make the
/// rule fire, a <c>no-match</c> example must not. An example of several snippets is read as
/// several inputs (a server log and a client log).
/// </summary>
public sealed class RuleExampleRunner(LogAnalyzer analyzer)
{
    public IEnumerable<ExampleResult> Run(RuleDefinition rule) =>
        rule.Examples.Match.Select((example, i) => RunExample(rule, example, expectMatch: true, i + 1))
            .Concat(rule.Examples.NoMatch.Select((example, i) => RunExample(rule, example, expectMatch: false, i + 1)));

    public IEnumerable<ExampleResult> RunAll() => analyzer.Rules.Rules.SelectMany(Run);

    public ExampleResult RunExample(RuleDefinition rule, IReadOnlyList<string> example, bool expectMatch, int index = 1)
    {
        var name = $"{rule.Id} {(expectMatch ? "match" : "no-match")} #{index}";
        var inputs = example.Select((snippet, i) => InputSource.FromText(example.Count == 1 ? name : $"{name} input {i + 1}", snippet));
        var result = analyzer.Analyze(inputs);
        var fired = result.Causes.Concat(result.Context).SelectMany(c => c.Rules).Distinct().Order(StringComparer.Ordinal).ToList();
        return new ExampleResult(rule, example, expectMatch, fired.Contains(rule.Id), fired);
    }
}

/// <summary>The outcome of one rule example.</summary>
public sealed record ExampleResult(RuleDefinition Rule, IReadOnlyList<string> Example, bool ExpectedMatch, bool Matched, IReadOnlyList<string> FiredRules)
{
    public bool Passed => ExpectedMatch == Matched;
}
