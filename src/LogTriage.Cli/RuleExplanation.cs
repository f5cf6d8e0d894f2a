using LogTriage.Parsing;
using LogTriage.Rules;

namespace LogTriage.Cli;

/// <summary>The text of <c>logtriage rules explain ID</c>: a rule in plain words.</summary>
public sealed class RuleExplanation(RuleSet rules, RuleDefinition rule)
{
    public void Write(TextWriter o)
    {
        o.WriteLine($"{rule.Id}: {rule.Title}");
        o.WriteLine($"  cause {rule.Cause}, severity {rule.Severity.ToString().ToLowerInvariant()}, confidence {rule.Confidence:0.00}, source {rule.Source.ToString().ToLowerInvariant()}");
        o.WriteLine($"  defined at {rule.Location}");
        o.WriteLine();
        o.WriteLine("Looks for:");
        foreach (var line in Conditions())
            o.WriteLine($"  - {line}");
        if (rule.Explains is { } explains)
            o.WriteLine($"  - and explains signals of {string.Join(", ", explains.Causes)} that follow within {DurationText.Format(explains.Within)}");

        foreach (var unless in rule.Unless)
            o.WriteLine($"  - unless {string.Join(" or ", unless.Rules)} happened on the same {unless.Same} {(unless.Between ? "between the two halves" : $"from {DurationText.Format(unless.Before)} before to {DurationText.Format(unless.After)} after")}");
        foreach (var exception in rule.Exceptions)
            o.WriteLine($"  - except '{exception.Name}': {string.Join(", ", exception.Fields.Select(f => $"{f.Key} = {f.Value}"))}");

        o.WriteLine();
        o.WriteLine("What NRules runs:");
        foreach (var line in Engine.CompiledRuleDescription.Describe(rule))
            o.WriteLine("  " + line);

        WriteExamples(o, "Matches", rule.Examples.Match);
        WriteExamples(o, "Does not match", rule.Examples.NoMatch);

        var cause = rules.Causes[rule.Cause];
        o.WriteLine();
        o.WriteLine($"Cause '{cause.Id}': {cause.Title}");
        o.WriteLine($"  {cause.Summary}");
        o.WriteLine("What to do:");
        var step = 0;
        foreach (var fix in cause.Fix)
            o.WriteLine($"  {++step}. {fix}");
    }

    private IEnumerable<string> Conditions()
    {
        if (rule.When is { } when)
        {
            if (when.Levels.Count > 0)
                yield return $"a line at level {string.Join(" or ", when.Levels.Select(LogLevelNames.ToShortName))}";
            if (when.Kinds.Count > 0)
                yield return $"about a {string.Join(" or ", when.Kinds.Select(k => k.ToString().ToLowerInvariant()))} connection";
            if (when.Message is { } message)
                foreach (var part in Text(message, "whose message"))
                    yield return part;
            if (when.Unless is { } unless)
                foreach (var part in Text(unless, "unless the message"))
                    yield return part;
        }
        if (rule.Threshold is { } threshold)
            yield return $"at least {threshold.Count} signals of {threshold.RuleId} within {DurationText.Format(threshold.Within)}, per {threshold.Per}";
        if (rule.Sequence is { } sequence)
        {
            yield return $"a signal of {string.Join(" or ", sequence.First)}";
            yield return $"then, within {DurationText.Format(sequence.Within)} and for the same {sequence.Same}, one of {string.Join(" or ", sequence.Then)}";
        }
    }

    private static IEnumerable<string> Text(TextMatch match, string lead)
    {
        if (match.Contains.Count > 0)
            yield return $"{lead} contains {string.Join(" or ", match.Contains.Select(c => $"\"{c}\""))} (any case)";
        if (match.Regex is { } regex)
            yield return $"{lead} matches the regex {regex}";
    }

    private static void WriteExamples(TextWriter o, string heading, IReadOnlyList<IReadOnlyList<string>> examples)
    {
        if (examples.Count == 0)
            return;
        o.WriteLine();
        o.WriteLine($"{heading}:");
        foreach (var example in examples)
            foreach (var (snippet, i) in example.Select((s, i) => (s, i)))
                foreach (var line in snippet.TrimEnd().Split('\n'))
                    o.WriteLine($"  {(example.Count > 1 ? $"[input {i + 1}] " : "")}{line}");
    }
}
