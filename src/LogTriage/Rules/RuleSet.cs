namespace LogTriage.Rules;

/// <summary>A validated, complete set of causes and rules, ready to compile.</summary>
public sealed class RuleSet
{
    public RuleSet(IReadOnlyDictionary<string, CauseDefinition> causes, IReadOnlyList<RuleDefinition> rules, ScoringDefinition? scoring = null)
    {
        Causes = causes;
        Scoring = scoring ?? ScoringDefinition.Default;
        Rules = rules;
        RulesById = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>A short hash of the rule files' contents, in load order: which rule set made a report.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>What loading changed beyond what the files said (rules disabled along with the rules they build on).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyDictionary<string, CauseDefinition> Causes { get; }
    public IReadOnlyList<RuleDefinition> Rules { get; }
    public IReadOnlyDictionary<string, RuleDefinition> RulesById { get; }
    public ScoringDefinition Scoring { get; }

    public IEnumerable<RuleDefinition> EventRules => Rules.Where(r => r.IsEventRule);
    public IEnumerable<RuleDefinition> ThresholdRules => Rules.Where(r => r.Threshold is not null);

    public IEnumerable<RuleDefinition> SequenceRules => Rules.Where(r => r.Sequence is not null);
}
