using LogTriage.Rules;
using NRules.RuleModel;
using RuleSet = LogTriage.Rules.RuleSet;

namespace LogTriage.Engine;

/// <summary>The NRules repository of YAML rule definitions.</summary>
internal sealed class YamlRuleRepository : IRuleRepository
{
    private readonly IRuleSet _ruleSet;

    public YamlRuleRepository(IReadOnlyList<RuleDefinition> rules, RuleCompiler compiler)
    {
        var ruleSet = new NRules.RuleModel.RuleSet("logtriage");
        ruleSet.Add(compiler.Compile(rules));
        _ruleSet = ruleSet;
    }

    public IEnumerable<IRuleSet> GetRuleSets() => [_ruleSet];
}
