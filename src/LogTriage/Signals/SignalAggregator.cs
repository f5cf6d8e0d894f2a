using LogTriage.Engine;
using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>
/// Folds the stream of signals into the few keyed facts the engine reasons over: one tally per
/// single-event rule, one window count per threshold rule and key, and, for the rules a sequence
/// joins, one tally per rule and join key. Memory depends on the number of rules and keys, never
/// on the number of lines.
/// </summary>
public sealed class SignalAggregator
{
    private const int MaxKeysPerThreshold = 10_000;
    private const int MaxKeysPerJoin = 10_000;

    private readonly Dictionary<string, RuleAccumulator> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RuleDefinition[]> _thresholdsByCountedRule;
    private readonly Dictionary<(string Rule, string Key), WindowAccumulator> _windows = new();
    private readonly Dictionary<string, GroupBy[]> _joinKeysByRule;
    private readonly Dictionary<(string Rule, string Per, string Key), RuleAccumulator> _keyed = new();

    public SignalAggregator(RuleSet rules)
    {
        _thresholdsByCountedRule = rules.ThresholdRules
            .GroupBy(r => r.Threshold!.RuleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _joinKeysByRule = rules.SequenceRules
            .SelectMany(r => r.Sequence!.First.Concat(r.Sequence.Then).Select(id => (Rule: id, r.Sequence.Same)))
            .GroupBy(x => x.Rule, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Same).Distinct().ToArray(), StringComparer.Ordinal);
    }

    public void Add(Signal signal)
    {
        var rule = signal.Rule;
        if (!_rules.TryGetValue(rule.Id, out var accumulator))
            _rules[rule.Id] = accumulator = new RuleAccumulator(rule);
        accumulator.Add(signal);
        AddToJoins(signal);

        if (!_thresholdsByCountedRule.TryGetValue(rule.Id, out var thresholds))
            return;
        foreach (var threshold in thresholds)
        {
            if (SignalKey.Of(threshold.Threshold!.Per, signal) is not { } key)
                continue;
            if (!_windows.TryGetValue((threshold.Id, key), out var window))
            {
                if (_windows.Count >= MaxKeysPerThreshold * _thresholdsByCountedRule.Count)
                    continue;
                _windows[(threshold.Id, key)] = window = new WindowAccumulator(threshold, key);
            }
            window.Add(signal);
        }
    }

    private void AddToJoins(Signal signal)
    {
        if (!_joinKeysByRule.TryGetValue(signal.Rule.Id, out var joins))
            return;
        foreach (var per in joins)
        {
            // A client log that never names its connection still joins on time alone.
            var key = SignalKey.Of(per, signal) ?? SignalKey.Any;
            var id = (signal.Rule.Id, per.ToString(), key);
            if (!_keyed.TryGetValue(id, out var accumulator))
            {
                if (_keyed.Count >= MaxKeysPerJoin * _joinKeysByRule.Count)
                    continue;
                _keyed[id] = accumulator = new RuleAccumulator(signal.Rule, per, key);
            }
            accumulator.Add(signal);
        }
    }

    public IEnumerable<RuleTally> RuleTallies => _rules.Values.Concat(_keyed.Values).Select(a => a.ToTally());

    public IEnumerable<ThresholdTally> ThresholdTallies => _windows.Values.Select(w => w.ToTally());
}
