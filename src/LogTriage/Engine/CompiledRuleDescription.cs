using System.Linq.Expressions;
using System.Text;
using LogTriage.Rules;
using NRules.RuleModel;

namespace LogTriage.Engine;

/// <summary>
/// What NRules runs for one YAML rule, read back from the rule definitions the compiler built:
/// its patterns with their conditions, joins, aggregates, negations and the conclusion it inserts.
/// For <c>logtriage rules explain</c>.
/// </summary>
public static class CompiledRuleDescription
{
    public static IReadOnlyList<string> Describe(RuleDefinition rule)
    {
        var lines = new List<string>();
        foreach (var definition in new RuleCompiler().Compile([rule]))
        {
            lines.Add($"NRules rule '{definition.Name}'{(definition.Priority != 0 ? $" (priority {definition.Priority})" : "")}:");
            lines.Add("  when");
            foreach (var element in definition.LeftHandSide.ChildElements)
                Describe(element, 2, lines);
            lines.Add("  then");
            foreach (var action in definition.RightHandSide.Actions)
                lines.Add($"    on {action.ActionTrigger.ToString().ToLowerInvariant()}: {Readable(action.Expression.Body)}");
        }
        return lines;
    }

    private static void Describe(RuleElement element, int depth, List<string> lines)
    {
        var indent = new string(' ', depth * 2);
        switch (element)
        {
            case PatternElement pattern:
                lines.Add($"{indent}match {TypeName(pattern.ValueType)} {pattern.Declaration.Name}{(pattern.Source is null ? "" : " from")}");
                if (pattern.Source is AggregateElement aggregate)
                {
                    lines.Add($"{indent}  aggregate {aggregate.Name}: {string.Join("; ", aggregate.Expressions.Select(e => $"{e.Name} {Readable(e.Expression)}"))}");
                    Describe(aggregate.Source, depth + 2, lines);
                }
                foreach (var condition in pattern.Expressions.Where(e => e.Name == "Condition"))
                    lines.Add($"{indent}  where {Readable(condition.Expression.Body)}");
                break;
            case NotElement not:
                lines.Add($"{indent}not (no fact of this kind exists)");
                Describe(not.Source, depth + 1, lines);
                break;
            case ExistsElement exists:
                lines.Add($"{indent}exists");
                Describe(exists.Source, depth + 1, lines);
                break;
            case GroupElement group:
                foreach (var child in group.ChildElements)
                    Describe(child, depth, lines);
                break;
            default:
                lines.Add($"{indent}{element.GetType().Name}");
                break;
        }
    }

    private static string TypeName(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>" : type.Name;

    /// <summary>Conditions read with the YAML's values in place of the compiler's captured variables.</summary>
    private static string Readable(Expression expression) => new ValueInliner().Visit(expression).ToString();

    private sealed class ValueInliner : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is ConstantExpression or MemberExpression { Expression: ConstantExpression } && TryValue(node, out var value))
                return Expression.Parameter(node.Type, Show(value));
            return base.VisitMember(node);
        }

        private static bool TryValue(MemberExpression node, out object? value)
        {
            try
            {
                value = Expression.Lambda<Func<object?>>(Expression.Convert(node, typeof(object))).Compile(preferInterpretation: true)();
                return true;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.Reflection.TargetInvocationException)
            {
                value = null;
                return false;
            }
        }

        // A parameter prints as its name: a way to show the value without changing the expression's types.
        private static string Show(object? value) => value switch
        {
            null => "null",
            string s => $"\"{s}\"",
            IEnumerable<string> items => "[" + string.Join(", ", items.Order(StringComparer.Ordinal)) + "]",
            TimeSpan span => DurationText.Format(span),
            RuleDefinition rule => rule.Id,
            GroupBy per => per.ToString(),
            _ => value.ToString() ?? "",
        };
    }
}
