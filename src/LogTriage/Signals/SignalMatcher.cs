using System.Buffers;
using LogTriage.Parsing;
using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>
/// Applies every single-event rule to an event. The rules' literals form one multi-string
/// prefilter, so an event that mentions none of them is only offered to the few rules that
/// require no literal.
/// </summary>
public sealed class SignalMatcher : ILineRelevance
{
    private readonly EventMatcher[] _literalRules;
    private readonly EventMatcher[] _otherRules;
    private readonly SearchValues<string>? _literals;

    public SignalMatcher(RuleSet rules)
    {
        var matchers = rules.EventRules.Select(r => new EventMatcher(r)).ToArray();
        _literalRules = matchers.Where(m => m.RequiredLiterals.Count > 0).ToArray();
        _otherRules = matchers.Where(m => m.RequiredLiterals.Count == 0).ToArray();
        var literals = _literalRules.SelectMany(m => m.RequiredLiterals).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _literals = literals.Length > 0 ? SearchValues.Create(literals, StringComparison.OrdinalIgnoreCase) : null;
    }

    /// <summary>A message can only match a rule if it holds one of the literals (every rule with a literal requires one).</summary>
    public bool MayMatter(ReadOnlySpan<char> message) =>
        _otherRules.Length > 0 || (_literals is not null && message.IndexOfAny(_literals) >= 0);

    public void Match(LogEvent e, List<Signal> into)
    {
        foreach (var matcher in _otherRules)
            if (matcher.Match(e) is { } signal)
                into.Add(signal);

        if (_literals is null || e.Message.AsSpan().IndexOfAny(_literals) < 0)
            return;
        foreach (var matcher in _literalRules)
            if (matcher.Match(e) is { } signal)
                into.Add(signal);
    }
}
