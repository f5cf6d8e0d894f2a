using LogTriage.Rules;
using LogTriage.Signals;

namespace LogTriage.Engine;

/// <summary>
/// How long behind the stream each rule's signal facts can still change a conclusion: the longest
/// span of any construct that reads them (a threshold or sequence over the rule, an unless that
/// looks for it or guards it) or reads the findings made of them (an explanation they are the root of).
/// One long window of one rule (a start-up six hours after another) then keeps only that rule's rare
/// facts for six hours, not every connection's.
/// </summary>
internal sealed class FactRetention
{
    // Final retentions, skew and floor included: looked up for every live fact at every forgetting.
    private readonly Dictionary<string, TimeSpan> _byRule = new(StringComparer.Ordinal);

    /// <param name="floor">The least any fact is kept: room for lines of one input slightly out of order.</param>
    public FactRetention(RuleSet rules, TimeSpan floor)
    {
        Floor = floor;
        var spans = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        void Need(string ruleId, TimeSpan span) => spans[ruleId] = Max(spans.GetValueOrDefault(ruleId), span);

        foreach (var rule in rules.Rules)
        {
            // How long after its facts a rule's findings can still meet a later one: as the root of
            // an explanation (a symptom must begin before its root ends, so the symptom side needs
            // only the clock skew) or as the anchor of an unless.
            var own = rule.Unless.Aggregate(rule.Explains?.Within ?? TimeSpan.Zero, (most, unless) => Max(most, UnlessSpan(rule, unless)));
            if (rule.Threshold is { } threshold)
                Need(threshold.RuleId, Max(threshold.Within, own));
            else if (rule.Sequence is { } sequence)
                foreach (var id in sequence.First.Concat(sequence.Then))
                    Need(id, Max(sequence.Within, own));
            else
                Need(rule.Id, own);
            foreach (var unless in rule.Unless)
                foreach (var id in unless.Rules)
                    Need(id, UnlessSpan(rule, unless));
        }
        foreach (var (id, span) in spans)
            _byRule[id] = Max(Floor, span + SignalFact.ClockSkew);
        Longest = _byRule.Values.Aggregate(Floor, Max);
    }

    public TimeSpan Floor { get; }

    /// <summary>The longest retention of any rule.</summary>
    public TimeSpan Longest { get; }

    /// <summary>How long after the stream has passed it a fact of this rule is kept, at the least.</summary>
    public TimeSpan Of(string ruleId) => _byRule.TryGetValue(ruleId, out var kept) ? kept : Floor;

    /// <summary>The span an unless looks across: around its rule's facts, or between a sequence's halves.</summary>
    private static TimeSpan UnlessSpan(RuleDefinition rule, UnlessCondition unless) =>
        unless.Between ? rule.Sequence?.Within ?? TimeSpan.Zero : unless.Before + unless.After;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
