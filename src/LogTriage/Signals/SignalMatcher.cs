using System.Buffers;
using LogTriage.Parsing;
using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>
/// Applies every single-event rule to an event. Rules are grouped in advance by the origins and
/// levels they accept, and each group's literals form one multi-string prefilter: a trace line
/// of the server meets only the few literals of the rules that look at trace lines, and a line
/// that mentions none of its group's literals is offered to no rule that requires one.
/// </summary>
public sealed class SignalMatcher : ILineRelevance
{
    private static readonly EventOrigin[] Origins = Enum.GetValues<EventOrigin>();
    private static readonly LogLevel[] Levels = Enum.GetValues<LogLevel>();

    private readonly RuleGroup[,] _groups;

    public SignalMatcher(RuleSet rules)
    {
        var matchers = rules.EventRules.Select(r => new EventMatcher(r)).ToArray();
        _groups = new RuleGroup[Origins.Length, Levels.Length];
        // Many origin/level pairs meet the same rules; their group (and its costly prefilter) is built once.
        var built = new Dictionary<string, RuleGroup>(StringComparer.Ordinal);
        foreach (var origin in Origins)
            foreach (var level in Levels)
            {
                var applicable = matchers.Where(m => m.Applies(origin, level)).ToArray();
                var key = string.Join('\n', applicable.Select(m => m.Rule.Id));
                if (!built.TryGetValue(key, out var group))
                    built[key] = group = new RuleGroup(applicable);
                _groups[(int)origin, (int)level] = group;
            }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool MayMatter(ReadOnlySpan<char> message, LogLevel level, EventOrigin origin) =>
        _groups[(int)origin, (int)level].MayMatter(message);

    public void Match(LogEvent e, List<Signal> into)
    {
        var group = _groups[(int)e.Origin, (int)e.Level];
        foreach (var matcher in group.OtherRules)
            if (matcher.Match(e) is { } signal)
                into.Add(signal);

        if (group.Literals is null || e.Message.AsSpan().IndexOfAny(group.Literals) < 0)
            return;
        foreach (var matcher in group.LiteralRules)
            if (matcher.Match(e) is { } signal)
                into.Add(signal);
    }

    /// <summary>The rules one origin and level can meet, and the literals of those that require one.</summary>
    private sealed class RuleGroup
    {
        // Building a multi-string search is costly: a group is built when a line of its origin and
        // level first comes, so a server log never pays for the client groups, nor a 10 KB log for all.
        private readonly Lazy<SearchValues<string>?> _literals;

        public RuleGroup(EventMatcher[] matchers)
        {
            LiteralRules = matchers.Where(m => m.RequiredLiterals.Count > 0).ToArray();
            OtherRules = matchers.Where(m => m.RequiredLiterals.Count == 0).ToArray();
            _literals = new Lazy<SearchValues<string>?>(() =>
            {
                var literals = LiteralRules.SelectMany(m => m.RequiredLiterals).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
                return literals.Length > 0 ? SearchValues.Create(literals, StringComparison.OrdinalIgnoreCase) : null;
            });
        }

        public EventMatcher[] LiteralRules { get; }
        public EventMatcher[] OtherRules { get; }
        public SearchValues<string>? Literals => _literals.Value;

        public bool MayMatter(ReadOnlySpan<char> message) =>
            OtherRules.Length > 0 || (Literals is not null && message.IndexOfAny(Literals) >= 0);
    }
}
