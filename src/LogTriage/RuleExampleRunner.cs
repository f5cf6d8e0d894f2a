using LogTriage.Input;
using LogTriage.Rules;

namespace LogTriage;

/// <summary>
/// Runs every rule's own examples through the whole pipeline: a <c>match</c> example must make the
/// rule fire, a <c>no-match</c> example must not.
/// </summary>
public sealed class RuleExampleRunner(LogAnalyzer analyzer)
{
    public IEnumerable<ExampleResult> Run(RuleDefinition rule)
    {
        var index = 0;
        foreach (var example in rule.Examples.Match)
            yield return RunExample(rule, example, expectMatch: true, ++index);
        index = 0;
        foreach (var example in rule.Examples.NoMatch)
            yield return RunExample(rule, example, expectMatch: false, ++index);
    }

    public IEnumerable<ExampleResult> RunAll() => analyzer.Rules.Rules.SelectMany(Run);

    public ExampleResult RunExample(RuleDefinition rule, string example, bool expectMatch, int index = 1)
    {
        var name = $"{rule.Id} {(expectMatch ? "match" : "no-match")} #{index}";
        var result = analyzer.Analyze([InputSource.FromText(name, example)]);
        var fired = result.Causes.Concat(result.Context).SelectMany(c => c.Rules).Distinct().Order(StringComparer.Ordinal).ToList();
        return new ExampleResult(rule, example, expectMatch, fired.Contains(rule.Id), fired);
    }
}

/// <summary>The outcome of one rule example.</summary>
public sealed record ExampleResult(RuleDefinition Rule, string Example, bool ExpectedMatch, bool Matched, IReadOnlyList<string> FiredRules)
{
    public bool Passed => ExpectedMatch == Matched;
}
