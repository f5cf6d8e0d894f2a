using System.Collections.Concurrent;
using LogTriage.Rules;
using NRules;
using NRules.Fluent;
using RuleSet = LogTriage.Rules.RuleSet;

namespace LogTriage.Engine;

/// <summary>
/// Runs the compiled rules over the keyed facts of one analysis and returns what they concluded.
/// Only the rules the facts can fire are compiled (an analysis usually touches a handful of the
/// rule set), which keeps start-up short; compiled sets are kept for the next analysis.
/// </summary>
public sealed class CauseEngine(RuleSet rules)
{
    private readonly RuleCompiler _compiler = new();
    private readonly ConcurrentDictionary<string, ISessionFactory> _factories = new(StringComparer.Ordinal);

    public EngineConclusions Run(IEnumerable<RuleTally> tallies, IEnumerable<ThresholdTally> windows)
    {
        var tallyList = tallies.ToList();
        var windowList = windows.ToList();
        var needed = NeededRules(tallyList, windowList);
        if (needed.Count == 0)
            return new EngineConclusions([], []);
        var key = string.Join('\n', needed.Select(r => r.Id));
        var factory = _factories.GetOrAdd(key, _ => new YamlRuleRepository(needed, _compiler).Compile());

        var session = factory.CreateSession();
        session.InsertAll(tallyList);
        session.InsertAll(windowList);
        session.Fire();
        return new EngineConclusions(session.Query<Finding>().ToList(), session.Query<Explanation>().ToList());
    }

    /// <summary>The rules that have facts to fire on; the others could not fire whatever they say.</summary>
    private List<RuleDefinition> NeededRules(List<RuleTally> tallies, List<ThresholdTally> windows)
    {
        var tallied = tallies.Where(t => t.Per is null).Select(t => t.RuleId).ToHashSet(StringComparer.Ordinal);
        var keyed = tallies.Where(t => t.Per is not null).Select(t => t.RuleId).ToHashSet(StringComparer.Ordinal);
        var windowed = windows.Select(w => w.RuleId).ToHashSet(StringComparer.Ordinal);
        return rules.Rules.Where(r =>
                tallied.Contains(r.Id)
                || windowed.Contains(r.Id)
                || (r.Sequence is { } s && s.First.Any(keyed.Contains) && s.Then.Any(keyed.Contains)))
            .ToList();
    }
}
