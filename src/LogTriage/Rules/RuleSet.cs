namespace LogTriage.Rules;

/// <summary>A validated, complete set of causes and rules, ready to compile.</summary>
public sealed class RuleSet
{
    public RuleSet(IReadOnlyDictionary<string, CauseDefinition> causes, IReadOnlyList<RuleDefinition> rules)
    {
        Causes = causes;
        Rules = rules;
        RulesById = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, CauseDefinition> Causes { get; }
    public IReadOnlyList<RuleDefinition> Rules { get; }
    public IReadOnlyDictionary<string, RuleDefinition> RulesById { get; }

    public IEnumerable<RuleDefinition> EventRules => Rules.Where(r => r.IsEventRule);
    public IEnumerable<RuleDefinition> ThresholdRules => Rules.Where(r => r.Threshold is not null);

    public IEnumerable<RuleDefinition> SequenceRules => Rules.Where(r => r.Sequence is not null);
}
