using LogTriage.Engine;
using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>
/// Folds the stream of signals into the few keyed facts the engine reasons over: one tally per
/// single-event rule, one window count per threshold rule and key. Memory depends on the number
/// of rules and keys, never on the number of lines.
/// </summary>
public sealed class SignalAggregator
{
    private const int MaxKeysPerThreshold = 10_000;

    private readonly Dictionary<string, RuleAccumulator> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RuleDefinition[]> _thresholdsByCountedRule;
    private readonly Dictionary<(string Rule, string Key), WindowAccumulator> _windows = new();

    public SignalAggregator(RuleSet rules)
    {
        _thresholdsByCountedRule = rules.ThresholdRules
            .GroupBy(r => r.Threshold!.RuleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public void Add(Signal signal)
    {
        var rule = signal.Rule;
        if (!_rules.TryGetValue(rule.Id, out var accumulator))
            _rules[rule.Id] = accumulator = new RuleAccumulator(rule);
        accumulator.Add(signal);

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

    public IEnumerable<RuleTally> RuleTallies => _rules.Values.Select(a => a.ToTally());

    public IEnumerable<ThresholdTally> ThresholdTallies => _windows.Values.Select(w => w.ToTally());
}
