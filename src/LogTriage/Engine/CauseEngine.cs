using LogTriage.Rules;
using NRules;
using NRules.Fluent;

namespace LogTriage.Engine;

/// <summary>
/// Runs the compiled rules over the keyed facts of one analysis and returns what they concluded.
/// The session factory is built once per rule set; each analysis gets its own session.
/// </summary>
public sealed class CauseEngine
{
    private readonly ISessionFactory _factory;

    public CauseEngine(RuleSet rules)
    {
        var repository = new YamlRuleRepository(rules, new RuleCompiler());
        _factory = repository.Compile();
    }

    public EngineConclusions Run(IEnumerable<RuleTally> tallies, IEnumerable<ThresholdTally> windows)
    {
        var session = _factory.CreateSession();
        session.InsertAll(tallies);
        session.InsertAll(windows);
        session.Fire();
        return new EngineConclusions(session.Query<Finding>().ToList(), session.Query<Explanation>().ToList());
    }
}
