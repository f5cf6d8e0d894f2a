using System.Linq.Expressions;
using LogTriage.Rules;
using LogTriage.Signals;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace LogTriage.Engine;

/// <summary>
/// Compiles YAML rule definitions into NRules rule definitions with the RuleModel builder, so the
/// YAML files stay the only place where the reasoning lives:
/// <list type="bullet">
/// <item>a single-event rule matches its signal facts, one finding per fact;</item>
/// <item>a threshold is an aggregate: the facts of the counted rule grouped by key and window, whose
/// summed count reaches the threshold (two sets of windows offset by half a window, so a burst that
/// straddles a boundary is still seen);</item>
/// <item>a sequence is a join of two rules' facts on the same key with its time condition;</item>
/// <item><c>unless</c> is a <c>Not</c> over the named rules' facts on the same key within the span;</item>
/// <item>exceptions are conditions on the fact's key, with a rule of their own counting what they hold back;</item>
/// <item><c>explains</c> joins a root finding with the later findings of the causes it explains.</item>
/// </list>
/// Every conclusion is a linked fact, so it disappears when its premises do.
/// </summary>
public sealed class RuleCompiler
{
    private const string Linked = "conclusion";

    public IReadOnlyList<IRuleDefinition> Compile(IReadOnlyList<RuleDefinition> rules)
    {
        var definitions = new List<IRuleDefinition>();
        foreach (var rule in rules)
        {
            if (rule.IsEventRule)
                definitions.Add(EventRule(rule));
            else if (rule.Threshold is not null)
            {
                definitions.Add(ThresholdRule(rule, phase: 0));
                definitions.Add(ThresholdRule(rule, phase: 1));
            }
            else
                definitions.Add(SequenceRule(rule));
            foreach (var exception in rule.Exceptions)
                definitions.Add(SuppressionRule(rule, exception));
            if (rule.Explains is { } explains)
                definitions.Add(ExplainsRule(rule, explains));
        }
        return definitions;
    }

    /// <summary>The rule names NRules knows a YAML rule by (thresholds compile to two).</summary>
    public static IEnumerable<string> CompiledNames(RuleDefinition rule)
    {
        if (rule.Threshold is not null)
        {
            yield return rule.Id + "#window0";
            yield return rule.Id + "#window1";
        }
        else
            yield return rule.Id;
        foreach (var exception in rule.Exceptions)
            yield return $"{rule.Id}#except:{exception.Name}";
        if (rule.Explains is not null)
            yield return rule.Id + "#explains";
    }

    private static IRuleDefinition EventRule(RuleDefinition rule)
    {
        var builder = Named(rule.Id);
        var id = rule.Id;
        var stream = Reads(rule);
        var fact = builder.LeftHandSide().Pattern(typeof(SignalFact), "fact");
        fact.Condition((Expression<Func<SignalFact, bool>>)(fact => fact.RuleId == id && fact.Serves(stream)));
        ExceptionsDoNotHold(fact, "fact", rule.Exceptions);
        foreach (var unless in rule.Unless)
            Absent(builder, unless, "fact", (Expression<Func<SignalFact, SignalFact, bool>>)((absent, fact) =>
                absent.Within(ClampedTime.Minus(fact.First, unless.Before), ClampedTime.Plus(fact.Last, unless.After))), (Expression<Func<SignalFact, SignalFact, bool>>)((absent, fact) =>
                FactKey.Joins(absent.Key, fact.Key, unless.Same.ToString())));

        Conclude<SignalFact>(builder, "fact", fact => Finding.Of(rule, fact));
        return builder.Build();
    }

    private static IRuleDefinition ThresholdRule(RuleDefinition rule, int phase)
    {
        var builder = Named($"{rule.Id}#window{phase}");
        var threshold = rule.Threshold!;
        var counted = threshold.RuleId;
        var per = threshold.Per.ToString();
        var count = threshold.Count;
        var width = threshold.Within.Ticks;
        var offset = phase * width / 2;

        var window = builder.LeftHandSide().Pattern(typeof(IGrouping<WindowKey, SignalFact>), "window");
        var aggregate = window.Aggregate();
        aggregate.GroupBy(
            (Expression<Func<SignalFact, WindowKey>>)(fact => new WindowKey(fact.Key[per], (fact.First.UtcTicks + offset) / width)),
            (Expression<Func<SignalFact, SignalFact>>)(fact => fact));
        var stream = Reads(rule);
        var fact = aggregate.Pattern(typeof(SignalFact), "fact");
        fact.Condition((Expression<Func<SignalFact, bool>>)(fact => fact.RuleId == counted && fact.Serves(stream)));
        ExceptionsDoNotHold(fact, "fact", rule.Exceptions);
        window.Condition((Expression<Func<IGrouping<WindowKey, SignalFact>, bool>>)(window => window.Sum(f => f.Count) >= count));
        foreach (var unless in rule.Unless)
            Absent(builder, unless, "window", (Expression<Func<SignalFact, IGrouping<WindowKey, SignalFact>, bool>>)((absent, window) =>
                absent.Within(ClampedTime.Minus(window.Min(f => f.First), unless.Before), ClampedTime.Plus(window.Max(f => f.Last), unless.After))),
                (Expression<Func<SignalFact, IGrouping<WindowKey, SignalFact>, bool>>)((absent, window) =>
                FactKey.Joins(absent.Key, window.First().Key, unless.Same.ToString())));

        Conclude<IGrouping<WindowKey, SignalFact>>(builder, "window", window => Finding.OfWindow(rule, threshold.Per, window));
        return builder.Build();
    }

    private static IRuleDefinition SequenceRule(RuleDefinition rule)
    {
        var builder = Named(rule.Id);
        var sequence = rule.Sequence!;
        var firstIds = sequence.First.ToHashSet(StringComparer.Ordinal);
        var thenIds = sequence.Then.ToHashSet(StringComparer.Ordinal);
        var same = sequence.Same.ToString();
        var within = sequence.Within;

        var stream = Reads(rule);
        var first = builder.LeftHandSide().Pattern(typeof(SignalFact), "first");
        first.Condition((Expression<Func<SignalFact, bool>>)(first => first.Serves(stream) && firstIds.Contains(first.RuleId)));
        ExceptionsDoNotHold(first, "first", rule.Exceptions);
        var then = builder.LeftHandSide().Pattern(typeof(SignalFact), "then");
        then.Condition((Expression<Func<SignalFact, bool>>)(then => then.Serves(stream) && thenIds.Contains(then.RuleId)));
        then.Condition((Expression<Func<SignalFact, SignalFact, bool>>)((then, first) => FactKey.Joins(then.Key, first.Key, same)));
        then.Condition((Expression<Func<SignalFact, SignalFact, bool>>)((then, first) => first.IsFollowedBy(then, within)));

        foreach (var unless in rule.Unless)
        {
            var key = unless.Same.ToString();
            var span = unless.Between
                ? (Expression<Func<SignalFact, SignalFact, SignalFact, bool>>)((absent, first, then) =>
                    // Coalesced facts know their first and last signal only: any overlap with the gap counts.
                    absent != first && absent != then && absent.Last >= first.Last && absent.First <= then.First)
                : (absent, first, then) => absent.Within(ClampedTime.Minus(first.First, unless.Before), ClampedTime.Plus(then.Last, unless.After));
            var not = builder.LeftHandSide().Not().Pattern(typeof(SignalFact), "absent");
            var ids = unless.Rules.ToHashSet(StringComparer.Ordinal);
            var absentStream = CoalescingPlan.ReadBy(unless);
            not.Condition((Expression<Func<SignalFact, bool>>)(absent => absent.Serves(absentStream) && ids.Contains(absent.RuleId)));
            not.Condition((Expression<Func<SignalFact, SignalFact, bool>>)((absent, first) => FactKey.Joins(absent.Key, first.Key, key)));
            not.Condition(span);
        }

        var rhs = builder.RightHandSide();
        rhs.Action((Expression<Action<IContext, SignalFact, SignalFact>>)((ctx, first, then) => ctx.InsertLinked(Linked, Finding.OfPair(rule, first, then))), ActionTrigger.Activated);
        rhs.Action((Expression<Action<IContext, SignalFact, SignalFact>>)((ctx, first, then) => ctx.UpdateLinked(Linked, Finding.OfPair(rule, first, then))), ActionTrigger.Reactivated);
        return builder.Build();
    }

    private static IRuleDefinition SuppressionRule(RuleDefinition rule, RuleException exception)
    {
        var builder = Named($"{rule.Id}#except:{exception.Name}");
        var ids = CoalescingPlan.ExceptedRules(rule).ToHashSet(StringComparer.Ordinal);
        var fields = exception.Fields;
        var id = rule.Id;
        var name = exception.Name;
        var fact = builder.LeftHandSide().Pattern(typeof(SignalFact), "fact");
        fact.Condition((Expression<Func<SignalFact, bool>>)(fact => fact.Serves(FactStreams.Lookup) && ids.Contains(fact.RuleId) && ExceptionMatch.Holds(fields, fact.Key)));
        Conclude<SignalFact>(builder, "fact", fact => new Suppression(id, name, fact));
        return builder.Build();
    }

    private static IRuleDefinition ExplainsRule(RuleDefinition rule, ExplainsRelation explains)
    {
        var builder = Named(rule.Id + "#explains");
        var id = rule.Id;
        var causes = explains.Causes.ToHashSet(StringComparer.Ordinal);
        var within = explains.Within;
        var same = explains.Same.ToString();

        var root = builder.LeftHandSide().Pattern(typeof(Finding), "root");
        root.Condition((Expression<Func<Finding, bool>>)(root => root.RuleId == id));
        var symptom = builder.LeftHandSide().Pattern(typeof(Finding), "symptom");
        symptom.Condition((Expression<Func<Finding, bool>>)(symptom => causes.Contains(symptom.Cause)));
        symptom.Condition((Expression<Func<Finding, Finding, bool>>)((symptom, root) =>
            symptom.Cause != root.Cause && FactKey.Joins(symptom.Key, root.Key, same) && root.Precedes(symptom, within)));

        var rhs = builder.RightHandSide();
        rhs.Action((Expression<Action<IContext, Finding, Finding>>)((ctx, root, symptom) => ctx.InsertLinked(Linked, new Explanation(root, symptom))), ActionTrigger.Activated);
        rhs.Action((Expression<Action<IContext, Finding, Finding>>)((ctx, root, symptom) => ctx.UpdateLinked(Linked, new Explanation(root, symptom))), ActionTrigger.Reactivated);
        return builder.Build();
    }

    /// <summary>Which of its single-event rules' facts a rule reads (the coalescing plan makes them).</summary>
    private static FactStreams Reads(RuleDefinition rule) => CoalescingPlan.ReadsKeyed(rule) ? FactStreams.Keyed : FactStreams.Plain;

    private static void ExceptionsDoNotHold(PatternBuilder pattern, string name, IReadOnlyList<RuleException> exceptions)
    {
        foreach (var exception in exceptions)
        {
            var fields = exception.Fields;
            pattern.Condition((Expression<Func<SignalFact, bool>>)(fact => !ExceptionMatch.Holds(fields, fact.Key)));
        }
    }

    /// <summary>A <c>Not</c> over the unless rules' facts, joined to the anchor pattern by key and span.</summary>
    private static void Absent(RuleBuilder builder, UnlessCondition unless, string anchor, LambdaExpression span, LambdaExpression key)
    {
        var ids = unless.Rules.ToHashSet(StringComparer.Ordinal);
        var stream = CoalescingPlan.ReadBy(unless);
        var not = builder.LeftHandSide().Not().Pattern(typeof(SignalFact), "absent");
        not.Condition((Expression<Func<SignalFact, bool>>)(absent => absent.Serves(stream) && ids.Contains(absent.RuleId)));
        not.Condition(Rename(key, anchor));
        not.Condition(Rename(span, anchor));
    }

    /// <summary>NRules binds lambda parameters to patterns by name: the anchor's parameter takes its pattern's name.</summary>
    private static LambdaExpression Rename(LambdaExpression lambda, string anchor)
    {
        var renamed = lambda.Parameters.Select((p, i) => i == 0 ? p : Expression.Parameter(p.Type, anchor)).ToArray();
        var body = new ParameterSwap(lambda.Parameters, renamed).Visit(lambda.Body);
        return Expression.Lambda(lambda.Type, body, renamed);
    }

    /// <summary>Inserts the conclusion as a fact linked to the match, and keeps it current as the match changes.</summary>
    private static void Conclude<T>(RuleBuilder builder, string name, Expression<Func<T, object>> conclusion)
    {
        var rhs = builder.RightHandSide();
        var p = Expression.Parameter(typeof(T), name);
        var ctx = Expression.Parameter(typeof(IContext), "ctx");
        var make = new ParameterSwap(conclusion.Parameters, [p]).Visit(conclusion.Body);
        rhs.Action(Expression.Lambda<Action<IContext, T>>(
            Expression.Call(ctx, typeof(IContext).GetMethod(nameof(IContext.InsertLinked))!, Expression.Constant(Linked, typeof(object)), make), ctx, p),
            ActionTrigger.Activated);
        rhs.Action(Expression.Lambda<Action<IContext, T>>(
            Expression.Call(ctx, typeof(IContext).GetMethod(nameof(IContext.UpdateLinked))!, Expression.Constant(Linked, typeof(object)), make), ctx, p),
            ActionTrigger.Reactivated);
    }

    private static RuleBuilder Named(string name)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        return builder;
    }

    private sealed class ParameterSwap(IReadOnlyList<ParameterExpression> from, IReadOnlyList<ParameterExpression> to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            for (var i = 0; i < from.Count; i++)
                if (from[i] == node)
                    return to[i];
            return node;
        }
    }
}
