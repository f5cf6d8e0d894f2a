using System.Linq.Expressions;
using LogTriage.Rules;
using NRules.RuleModel;
using RuleSet = LogTriage.Rules.RuleSet;
using NRules.RuleModel.Builders;

namespace LogTriage.Engine;

/// <summary>
/// Compiles YAML rule definitions into NRules rule definitions with the RuleModel builder, so the
/// YAML files stay the only place where rules live. Three shapes come out:
/// a single-event rule turns its tally into a finding; a threshold rule fires on a window tally
/// that reached its count; an explains rule joins its own findings with later findings of the
/// causes it explains.
/// </summary>
public sealed class RuleCompiler
{
    public IReadOnlyList<IRuleDefinition> Compile(RuleSet rules)
    {
        var definitions = new List<IRuleDefinition>();
        foreach (var rule in rules.Rules)
        {
            definitions.Add(rule.IsEventRule ? EventRule(rule) : ThresholdRule(rule));
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
        tally.Condition((Expression<Func<RuleTally, bool>>)(tally => tally.RuleId == id));

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
