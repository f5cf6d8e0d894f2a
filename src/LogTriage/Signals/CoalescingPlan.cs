using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>
/// For each single-event rule, the key kinds its facts must keep: those some rule groups by
/// (threshold <c>per</c>), joins on (sequence and unless <c>same</c>, explanations) or excepts on.
/// Everything else is coalesced away, which is what keeps the number of facts bounded.
/// </summary>
internal sealed class CoalescingPlan
{
    private readonly Dictionary<string, string[]> _kinds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _oneFactPerSignal = new(StringComparer.Ordinal);

    public CoalescingPlan(RuleSet rules)
    {
        var needed = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Need(string ruleId, string kind)
        {
            if (kind == "none")
                return;
            if (!needed.TryGetValue(ruleId, out var set))
                needed[ruleId] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(kind);
        }

        var eventRulesByCause = rules.EventRules.ToLookup(r => r.Cause, StringComparer.Ordinal);
        foreach (var rule in rules.Rules)
        {
            // The event rules a rule's findings are made of, and so where its key comes from.
            var bases = rule.Threshold is { } t ? [t.RuleId]
                : rule.Sequence is { } s ? s.First.Concat(s.Then).ToArray()
                : new[] { rule.Id };
            if (rule.Threshold is { } threshold)
                Need(threshold.RuleId, threshold.Per.ToString());
            if (rule.Sequence is { } sequence)
                foreach (var id in sequence.First.Concat(sequence.Then))
                    Need(id, sequence.Same.ToString());
            foreach (var unless in rule.Unless)
                foreach (var id in unless.Rules.Concat(bases))
                    Need(id, unless.Same.ToString());
            foreach (var field in rule.Exceptions.SelectMany(e => e.Fields.Keys))
                foreach (var id in bases)
                    Need(id, field);
            if (rule.Explains is { } explains && explains.Same.Kind != "none")
            {
                foreach (var id in bases)
                    Need(id, explains.Same.ToString());
                foreach (var symptom in explains.Causes.SelectMany(c => eventRulesByCause[c]))
                    Need(symptom.Id, explains.Same.ToString());
            }
        }
        foreach (var (id, set) in needed)
            _kinds[id] = [.. set];
        // A rule a sequence follows with itself (a start-up after a start-up) must keep each signal
        // apart: two of them in one bucket would be one fact, which cannot follow itself.
        foreach (var sequence in rules.SequenceRules.Select(r => r.Sequence!))
            foreach (var id in sequence.First.Intersect(sequence.Then, StringComparer.Ordinal))
                _oneFactPerSignal.Add(id);
        // So must what starts a sequence that nothing may come between: a fact that coalesced a
        // start-up before a shutdown with one after it would end after the shutdown, and the
        // shutdown would no longer lie between it and what follows (a restart within seconds).
        foreach (var rule in rules.SequenceRules.Where(r => r.Unless.Any(u => u.Between)))
            foreach (var id in rule.Sequence!.First)
                _oneFactPerSignal.Add(id);
    }

    /// <summary>Whether each signal of the rule is a fact of its own (rare lifecycle lines a sequence orders).</summary>
    public bool OneFactPerSignal(string ruleId) => _oneFactPerSignal.Contains(ruleId);

    /// <summary>The key kinds kept for a rule's facts, in a fixed order.</summary>
    public IReadOnlyList<string> KindsFor(string ruleId) => _kinds.GetValueOrDefault(ruleId) ?? [];

    /// <param name="identities">What earlier lines of the input declared (the client's name of an application log).</param>
    public FactKey KeyOf(Signal signal, InputIdentities identities)
    {
        var kinds = KindsFor(signal.Rule.Id);
        if (kinds.Count == 0)
            return FactKey.None;
        var names = _kinds[signal.Rule.Id];
        var values = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
            values[i] = FactKey.ValueOf(names[i], signal) ?? identities.Of(signal.Event.Input, names[i]) ?? FactKey.Any;
        return new FactKey(names, values);
    }
}
