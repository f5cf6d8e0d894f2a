using System.Linq.Expressions;
using LogTriage.Rules;
using NRules.RuleModel;
using RuleSet = LogTriage.Rules.RuleSet;
using NRules.RuleModel.Builders;

namespace LogTriage.Engine;

/// <summary>
/// Compiles YAML rule definitions into NRules rule definitions with the RuleModel builder, so the
/// YAML files stay the only place where rules live. Four shapes come out:
/// a single-event rule turns its tally into a finding; a threshold rule fires on a window tally
/// that reached its count; a sequence rule joins the keyed tallies of two rules with the same key
/// (client name, address) when one follows the other; an explains rule joins its own findings
/// with later findings of the causes it explains.
/// </summary>
public sealed class RuleCompiler
{
    public IReadOnlyList<IRuleDefinition> Compile(IReadOnlyList<RuleDefinition> rules)
    {
        var definitions = new List<IRuleDefinition>();
        foreach (var rule in rules)
        {
            definitions.Add(rule.IsEventRule ? EventRule(rule) : rule.Threshold is not null ? ThresholdRule(rule) : SequenceRule(rule));
            if (rule.Explains is { } explains)
                definitions.Add(ExplainsRule(rule, explains));
        }
        return definitions;
    }

    private static IRuleDefinition EventRule(RuleDefinition rule)
    {
        var builder = Named(rule.Id);
        var id = rule.Id;
        var tally = builder.LeftHandSide().Pattern(typeof(RuleTally), "tally");
        tally.Condition((Expression<Func<RuleTally, bool>>)(tally => tally.RuleId == id && tally.Per == null));

        builder.RightHandSide().Action((Expression<Action<IContext, RuleTally>>)((ctx, tally) =>
            ctx.Insert(Finding.FromTally(rule, tally))));
        return builder.Build();
    }

    private static IRuleDefinition ThresholdRule(RuleDefinition rule)
    {
        var builder = Named(rule.Id);
        var id = rule.Id;
        var count = rule.Threshold!.Count;
        var window = builder.LeftHandSide().Pattern(typeof(ThresholdTally), "window");
        window.Condition((Expression<Func<ThresholdTally, bool>>)(window => window.RuleId == id));
        window.Condition((Expression<Func<ThresholdTally, bool>>)(window => window.Peak >= count));

        builder.RightHandSide().Action((Expression<Action<IContext, ThresholdTally>>)((ctx, window) =>
            ctx.Insert(Finding.FromThreshold(rule, window))));
        return builder.Build();
    }

    private static IRuleDefinition SequenceRule(RuleDefinition rule)
    {
        var builder = Named(rule.Id);
        var sequence = rule.Sequence!;
        var firstIds = sequence.First.ToArray();
        var thenIds = sequence.Then.ToArray();
        var per = sequence.Same.ToString();
        var within = sequence.Within;

        var first = builder.LeftHandSide().Pattern(typeof(RuleTally), "first");
        first.Condition((Expression<Func<RuleTally, bool>>)(first => first.Per == per && firstIds.Contains(first.RuleId)));

        var then = builder.LeftHandSide().Pattern(typeof(RuleTally), "then");
        then.Condition((Expression<Func<RuleTally, bool>>)(then => then.Per == per && thenIds.Contains(then.RuleId)));
        then.Condition((Expression<Func<RuleTally, RuleTally, bool>>)((then, first) => Signals.SignalKey.Joins(then.Key, first.Key) && SequenceTiming.Follows(first, then, within)));

        builder.RightHandSide().Action((Expression<Action<IContext, RuleTally, RuleTally>>)((ctx, first, then) =>
            ctx.Insert(Finding.FromSequence(rule, first, then))));
        return builder.Build();
    }

    private static IRuleDefinition ExplainsRule(RuleDefinition rule, ExplainsRelation explains)
    {
        var builder = Named(rule.Id + "#explains");
        // Explanations are derived from findings, so they run after every finding is in.
        builder.Priority(-1);
        var id = rule.Id;
        var causes = explains.Causes.ToArray();
        var within = explains.Within;

        var root = builder.LeftHandSide().Pattern(typeof(Finding), "root");
        root.Condition((Expression<Func<Finding, bool>>)(root => root.RuleId == id));

        var symptom = builder.LeftHandSide().Pattern(typeof(Finding), "symptom");
        symptom.Condition((Expression<Func<Finding, bool>>)(symptom => causes.Contains(symptom.Cause)));
        symptom.Condition((Expression<Func<Finding, Finding, bool>>)((symptom, root) => Explanation.Applies(root, symptom, within)));

        builder.RightHandSide().Action((Expression<Action<IContext, Finding, Finding>>)((ctx, root, symptom) =>
            ctx.Insert(new Explanation(root, symptom))));
        return builder.Build();
    }

    private static RuleBuilder Named(string name)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        return builder;
    }
}
