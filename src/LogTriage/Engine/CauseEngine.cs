using System.Collections.Concurrent;
using LogTriage.Rules;
using LogTriage.Signals;
using NRules;
using RuleSet = LogTriage.Rules.RuleSet;

namespace LogTriage.Engine;

/// <summary>
/// The compiled rules of one rule set. Only the rules that the facts of an analysis can fire are
/// compiled (an analysis usually touches a handful of the rule set), which keeps start-up short;
/// compiled sets are kept for later sessions. Each analysis opens its own <see cref="EngineSession"/>.
/// </summary>
internal sealed class CauseEngine(RuleSet rules)
{
    private readonly RuleCompiler _compiler = new();
    private readonly ConcurrentDictionary<string, ISessionFactory> _factories = new(StringComparer.Ordinal);

    public RuleSet Rules => rules;

    /// <param name="fired">Told of every rule firing (for <c>rules explain --log</c>); null for none.</param>
    /// <param name="compileAfterFacts">After how many facts the session's rules are compiled to IL.</param>
    public EngineSession OpenSession(Action<RuleFiring>? fired = null, long compileAfterFacts = EngineSession.CompileAfterFacts) => new(this, fired, compileAfterFacts);

    /// <summary>A session factory for the rules that facts of the given rules can fire.</summary>
    /// <param name="toIl">
    /// Compile the rules' expressions to IL rather than interpret them: slower to build, faster per
    /// fact, for a session that has been given many facts.
    /// </param>
    internal ISessionFactory FactoryFor(IReadOnlySet<string> factRules, bool toIl = false)
    {
        var needed = NeededRules(factRules);
        var key = (toIl ? "il\n" : "") + string.Join('\n', needed.Select(r => r.Id));
        return _factories.GetOrAdd(key, _ =>
        {
            var compiler = new NRules.RuleCompiler { ExpressionCompiler = toIl ? new IlExpressionCompiler() : new InterpretingExpressionCompiler() };
            return compiler.Compile(new YamlRuleRepository(needed, _compiler).GetRuleSets());
        });
    }

    /// <summary>The rules that have facts to fire on; the others could not fire whatever they say.</summary>
    public IReadOnlyList<RuleDefinition> NeededRules(IReadOnlySet<string> factRules) =>
        rules.Rules.Where(r =>
                factRules.Contains(r.Id)
                || (r.Threshold is { } t && factRules.Contains(t.RuleId))
                || (r.Sequence is { } s && s.First.Any(factRules.Contains) && s.Then.Any(factRules.Contains)))
            .ToList();
}
