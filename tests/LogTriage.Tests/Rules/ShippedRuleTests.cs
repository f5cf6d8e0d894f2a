using LogTriage.Rules;
using LogTriage.Tests.Support;

namespace LogTriage.Tests.Rules;

public class ShippedRuleTests
{
    private static IEnumerable<TestCaseData> Examples()
    {
        foreach (var rule in ShippedRules.Rules.Rules)
        {
            var index = 0;
            foreach (var example in rule.Examples.Match)
                yield return new TestCaseData(rule.Id, example, true).SetName($"{rule.Id} matches example {++index}");
            index = 0;
            foreach (var example in rule.Examples.NoMatch)
                yield return new TestCaseData(rule.Id, example, false).SetName($"{rule.Id} does not match example {++index}");
        }
    }

    [TestCaseSource(nameof(Examples))]
    public void Rule_example(string ruleId, IReadOnlyList<string> example, bool expectMatch)
    {
        var rule = ShippedRules.Rules.RulesById[ruleId];
        var result = new RuleExampleRunner(ShippedRules.Analyzer).RunExample(rule, example, expectMatch);
        Assert.That(result.Matched, Is.EqualTo(expectMatch),
            $"rules that fired: {string.Join(", ", result.FiredRules)}\n{string.Join("\n---\n", example)}");
    }

    [Test]
    public void Every_rule_has_both_kinds_of_example()
    {
        var missing = ShippedRules.Rules.Rules
            .Where(r => r.Examples.Match.Count == 0 || r.Examples.NoMatch.Count == 0)
            .Select(r => r.Id);
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_cause_of_the_contract_has_texts_and_rules()
    {
        foreach (var cause in CauseIds.All)
        {
            Assert.That(ShippedRules.Rules.Causes.ContainsKey(cause), Is.True, cause);
            Assert.That(ShippedRules.Rules.Rules.Any(r => r.Cause == cause), Is.True, cause);
            Assert.That(ShippedRules.Rules.Causes[cause].Fix, Is.Not.Empty, cause);
        }
    }

    [Test]
    public void A_panic_explains_what_follows_it_and_an_expired_credential_explains_failed_reconnects()
    {
        var explainers = ShippedRules.Rules.Rules.Where(r => r.Explains is not null).ToList();
        Assert.That(explainers.Any(r => r.Cause == CauseIds.ServerBug && r.Explains!.Causes.Contains(CauseIds.Network)), Is.True);
        Assert.That(explainers.Any(r => r.Cause == CauseIds.Auth), Is.True);
    }
}
