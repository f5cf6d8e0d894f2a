using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>
/// For each single-event rule, the keyed facts its signals make besides the plain one: split by the
/// key kinds some rule groups by (threshold <c>per</c>), joins on (sequence and unless <c>same</c>,
/// explanations) or excepts on, and made only when some construct reads them. Everything else is
/// coalesced away, which is what keeps the number of facts bounded. The rule compiler asks the same
/// plan which of a rule's facts each construct reads (<see cref="ReadsKeyed"/>).
/// <para>
/// Where thresholds alone conclude per key on a rule's facts, a key value that is too rare to reach
/// their counts need not be a fact at all (an address that failed to authenticate once): those
/// keyed facts are held back by a <see cref="LoneSignalGate"/>. What only looks keys up (an
/// <c>unless</c>, an exception's tally) then reads facts of its own, split by the kinds it looks up
/// alone (the input, one fact per bucket), which keep every signal.
/// </para>
/// </summary>
internal sealed class CoalescingPlan
{
    private static readonly RulePlan Unkeyed = new(false, []);

    private readonly Dictionary<string, RulePlan> _rules = new(StringComparer.Ordinal);

    public CoalescingPlan(RuleSet rules)
    {
        // Every kind some construct keys a rule's facts by, as the keyed facts have always been split.
        var kinds = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        // What reads them: constructs concluding per key, and constructs only looking keys up (with the kinds they look up).
        var keyedReaders = new Dictionary<string, List<RuleDefinition>>(StringComparer.Ordinal);
        var lookups = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        static void Add(Dictionary<string, SortedSet<string>> into, string ruleId, string kind)
        {
            if (kind == "none")
                return;
            if (!into.TryGetValue(ruleId, out var set))
                into[ruleId] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(kind);
        }
        void Need(string ruleId, string kind) => Add(kinds, ruleId, kind);

        var eventRulesByCause = rules.EventRules.ToLookup(r => r.Cause, StringComparer.Ordinal);
        foreach (var rule in rules.Rules)
        {
            var bases = Bases(rule);
            if (ReadsKeyed(rule))
                foreach (var id in bases)
                    (keyedReaders.TryGetValue(id, out var readers) ? readers : keyedReaders[id] = []).Add(rule);
            if (rule.Threshold is { } threshold)
                Need(threshold.RuleId, threshold.Per.ToString());
            if (rule.Sequence is { } sequence)
                foreach (var id in sequence.First.Concat(sequence.Then))
                    Need(id, sequence.Same.ToString());
            foreach (var unless in rule.Unless)
            {
                foreach (var id in unless.Rules.Concat(bases))
                    Need(id, unless.Same.ToString());
                foreach (var id in unless.Rules)
                    Add(lookups, id, unless.Same.ToString());
            }
            foreach (var field in rule.Exceptions.SelectMany(e => e.Fields.Keys))
            {
                foreach (var id in bases)
                    Need(id, field);
                foreach (var id in ExceptedRules(rule))
                    Add(lookups, id, field);
            }
            if (rule.Explains is { } explains && explains.Same.Kind != "none")
            {
                foreach (var id in bases)
                    Need(id, explains.Same.ToString());
                foreach (var symptom in explains.Causes.SelectMany(c => eventRulesByCause[c]))
                    Need(symptom.Id, explains.Same.ToString());
            }
        }

        // A rule a sequence follows with itself (a start-up after a start-up) must keep each signal
        // apart: two of them in one bucket would be one fact, which cannot follow itself.
        var oneFactPerSignal = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sequence in rules.SequenceRules.Select(r => r.Sequence!))
            oneFactPerSignal.UnionWith(sequence.First.Intersect(sequence.Then, StringComparer.Ordinal));
        // So must what starts a sequence that nothing may come between: a fact that coalesced a
        // start-up before a shutdown with one after it would end after the shutdown, and the
        // shutdown would no longer lie between it and what follows (a restart within seconds).
        foreach (var rule in rules.SequenceRules.Where(r => r.Unless.Any(u => u.Between)))
            oneFactPerSignal.UnionWith(rule.Sequence!.First);

        foreach (var id in kinds.Keys.Union(oneFactPerSignal))
            _rules[id] = Plan(oneFactPerSignal.Contains(id), kinds.GetValueOrDefault(id),
                keyedReaders.GetValueOrDefault(id) ?? [], lookups.GetValueOrDefault(id));
    }

    private static RulePlan Plan(bool oneFactPerSignal, SortedSet<string>? kinds, List<RuleDefinition> keyedReaders, SortedSet<string>? lookups)
    {
        if (kinds is null)
            return new RulePlan(oneFactPerSignal, []);
        // Thresholds alone conclude per key: a key's fact that cannot reach a count may be held back.
        // Unless the lookups want the same keys: one fact per key value then serves both, as before.
        if (keyedReaders.Count > 0 && keyedReaders.All(r => r.Threshold is { Count: >= 2 }) && !(lookups?.SetEquals(kinds) ?? false))
        {
            var counts = keyedReaders.Select(r => r.Threshold!)
                .GroupBy(t => t.Per.ToString(), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new KeyedCount(g.Key, g.Max(t => t.Within), g.Min(t => t.Count)))
                .ToList();
            KeyedStream[] streams = lookups is null
                ? [new KeyedStream(FactStreams.Keyed, [.. kinds], HeldBack: true)]
                : [new KeyedStream(FactStreams.Keyed, [.. kinds], HeldBack: true), new KeyedStream(FactStreams.Lookup, [.. lookups])];
            return new RulePlan(oneFactPerSignal, streams) { Counts = counts };
        }
        // Keyed facts nothing reads are not made.
        var readers = (keyedReaders.Count > 0 ? FactStreams.Keyed : 0) | (lookups is null ? 0 : FactStreams.Lookup);
        return new RulePlan(oneFactPerSignal, readers == 0 ? [] : [new KeyedStream(readers, [.. kinds])]);
    }

    /// <summary>What becomes of one rule's signals.</summary>
    public RulePlan For(string ruleId) => _rules.GetValueOrDefault(ruleId) ?? Unkeyed;

    /// <param name="identities">What earlier lines of the input declared (the client's name of an application log).</param>
    public static FactKey KeyOf(Signal signal, InputIdentities identities, string[] kinds)
    {
        var values = new string[kinds.Length];
        for (var i = 0; i < kinds.Length; i++)
            values[i] = FactKey.ValueOf(kinds[i], signal) ?? identities.Of(signal.Event.Input, kinds[i]) ?? FactKey.Any;
        return new FactKey(kinds, values);
    }

    /// <summary>The single-event rules a rule's findings are made of, and so where its key comes from.</summary>
    public static IReadOnlyList<string> Bases(RuleDefinition rule) =>
        rule.Threshold is { } t ? [t.RuleId]
        : rule.Sequence is { } s ? [.. s.First.Concat(s.Then)]
        : [rule.Id];

    /// <summary>The rules whose facts a rule's exceptions hold back (and count as held back).</summary>
    public static IReadOnlyList<string> ExceptedRules(RuleDefinition rule) =>
        rule.Threshold is { } t ? [t.RuleId] : rule.Sequence is { } s ? s.First : [rule.Id];

    /// <summary>
    /// Whether a rule reads its single-event rules' <see cref="FactStreams.Keyed"/> facts (it groups,
    /// joins or excepts on a key, or its findings are joined on one) rather than the plain ones.
    /// </summary>
    public static bool ReadsKeyed(RuleDefinition rule) =>
        rule.Exceptions.Count > 0 || (rule.Threshold is { } t ? t.Per.Kind != "none"
            : rule.Sequence is { } s ? s.Same.Kind != "none"
            : rule.Unless.Any(u => u.Same.Kind != "none") || rule.Explains is { Same.Kind: not "none" });

    /// <summary>Which constructs an <c>unless</c> reads: the keyed facts when it joins on a key.</summary>
    public static FactStreams ReadBy(UnlessCondition unless) => unless.Same.Kind != "none" ? FactStreams.Lookup : FactStreams.Plain;
}

/// <summary>
/// One kind of keyed fact a rule's signals make: which constructs read it, the key kinds it is split
/// by, and whether its facts wait at the rule's <see cref="LoneSignalGate"/>.
/// </summary>
internal sealed record KeyedStream(FactStreams Streams, string[] Kinds, bool HeldBack = false);

/// <summary>What becomes of one rule's signals besides its plain facts.</summary>
internal sealed record RulePlan(bool OneFactPerSignal, IReadOnlyList<KeyedStream> Streams)
{
    /// <summary>The thresholds that alone read the held-back facts, by key kind (none when nothing is held back).</summary>
    public IReadOnlyList<KeyedCount> Counts { get; init; } = [];
}

/// <summary>
/// The thresholds over a rule that group by one key kind, as one: the longest of their windows and
/// the smallest of their counts (a fact that none of them could count is one that this could not).
/// </summary>
internal sealed record KeyedCount(string Kind, TimeSpan Within, int Count);
