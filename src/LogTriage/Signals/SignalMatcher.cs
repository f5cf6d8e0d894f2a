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

    public bool IsCostly(LogLevel level, EventOrigin origin) => _groups[(int)origin, (int)level].IsCostly;

    public void Match(LogEvent e, List<Signal> into)
    {
        var group = _groups[(int)e.Origin, (int)e.Level];
        foreach (var matcher in group.OtherRules)
            if (matcher.Match(e) is { } signal)
                into.Add(signal);

        if (group.Literals is null)
            return;
        var message = e.Message.AsSpan();
        var at = message.IndexOfAny(group.Literals);
        if (at < 0)
            return;
        // Which of the group's literals the message holds: a rule is offered the line only when one
        // of its own literals is there, instead of each rule searching the message again.
        var literals = group.LiteralTexts;
        Span<bool> found = literals.Length <= 512 ? stackalloc bool[literals.Length] : new bool[literals.Length];
        for (var from = 0; at >= 0;)
        {
            group.MarkLiteralsAt(message[(from + at)..], found);
            from += at + 1;
            at = from < message.Length ? message[from..].IndexOfAny(group.Literals) : -1;
        }
        foreach (var (matcher, ownLiterals) in group.LiteralRuleIndex)
        {
            // Rules on the whole record (a crash's text) keep their own test of the text.
            if (ownLiterals is not null && !AnyFound(ownLiterals, found))
                continue;
            if (matcher.Match(e, messageLiteralsChecked: ownLiterals is not null) is { } signal)
                into.Add(signal);
        }
    }

    private static bool AnyFound(int[] indices, ReadOnlySpan<bool> found)
    {
        foreach (var i in indices)
            if (found[i])
                return true;
        return false;
    }

    /// <summary>The rules one origin and level can meet, and the literals of those that require one.</summary>
    private sealed class RuleGroup
    {
        // Building a multi-string search is costly: a group is built when a line of its origin and
        // level first comes, so a server log never pays for the client groups, nor a 10 KB log for all.
        private readonly Lazy<SearchValues<string>?> _literals;
        private readonly Lazy<VerdictMemo?> _memoIfSlow;
        private readonly int[][] _byFirstAscii = new int[128][];
        private readonly int[] _notAsciiFirst;
        private readonly int[] _all;

        public RuleGroup(EventMatcher[] matchers)
        {
            LiteralRules = matchers.Where(m => m.RequiredLiterals.Count > 0).ToArray();
            OtherRules = matchers.Where(m => m.RequiredLiterals.Count == 0).ToArray();
            LiteralTexts = LiteralRules.SelectMany(m => m.RequiredLiterals).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < LiteralTexts.Length; i++)
                index[LiteralTexts[i]] = i;
            LiteralRuleIndex = LiteralRules
                .Select(m => (m, m.MessageLiterals.Count > 0 ? m.MessageLiterals.Select(l => index[l]).Distinct().ToArray() : null))
                .ToArray();
            // Literals by their first character, so that at a hit only the few that can start there are
            // compared; built in one pass, as this runs at start-up for every group.
            var byFirst = new List<int>?[128];
            for (var i = 0; i < LiteralTexts.Length; i++)
                if (LiteralTexts[i].Length > 0 && char.IsAscii(LiteralTexts[i][0]))
                {
                    var first = LiteralTexts[i][0];
                    (byFirst[char.ToLowerInvariant(first)] ??= []).Add(i);
                    if (char.IsAsciiLetter(first))
                        (byFirst[char.ToUpperInvariant(first)] ??= []).Add(i);
                }
            for (var c = 0; c < 128; c++)
                _byFirstAscii[c] = byFirst[c]?.ToArray() ?? [];
            _all = Enumerable.Range(0, LiteralTexts.Length).ToArray();
            _notAsciiFirst = Enumerable.Range(0, LiteralTexts.Length).Where(i => LiteralTexts[i].Length == 0 || !char.IsAscii(LiteralTexts[i][0])).ToArray();
            _memoIfSlow = new Lazy<VerdictMemo?>(() => IsCostly ? new VerdictMemo() : null);
            _literals = new Lazy<SearchValues<string>?>(() =>
                LiteralTexts.Length > 0 ? SearchValues.Create(LiteralTexts, StringComparison.OrdinalIgnoreCase) : null);
        }

        public EventMatcher[] LiteralRules { get; }
        public EventMatcher[] OtherRules { get; }
        public string[] LiteralTexts { get; }

        /// <summary>Each literal rule with the indices of its message literals in <see cref="LiteralTexts"/> (null: a rule on the text).</summary>
        public (EventMatcher Matcher, int[]? Literals)[] LiteralRuleIndex { get; }

        public SearchValues<string>? Literals => _literals.Value;

        /// <summary>Marks the literals that start the text.</summary>
        public void MarkLiteralsAt(ReadOnlySpan<char> text, Span<bool> found)
        {
            var first = text[0];
            if (char.IsAscii(first))
                Mark(text, _byFirstAscii[first], found);
            else
                Mark(text, _all, found);
            Mark(text, _notAsciiFirst, found);
        }

        private void Mark(ReadOnlySpan<char> text, int[] candidates, Span<bool> found)
        {
            foreach (var i in candidates)
                if (text.StartsWith(LiteralTexts[i], StringComparison.OrdinalIgnoreCase))
                    found[i] = true;
        }

        public bool MayMatter(ReadOnlySpan<char> message)
        {
            if (OtherRules.Length > 0)
                return true;
            if (Literals is not { } literals)
                return false;
            if (Memo is not { } memo || message.Length > VerdictMemo.MaxLength)
                return message.IndexOfAny(literals) >= 0;
            // Debug lines repeat a few messages ("Client Ping Timer") behind their connection prefix:
            // their verdict is remembered rather than searched for again.
            if (memo.TryGet(message, out var known))
                return known;
            var matters = message.IndexOfAny(literals) >= 0;
            memo.Set(message, matters);
            return matters;
        }

        /// <summary>
        /// Only for a group of more literals than .NET searches vectorised (80, the limit of its Teddy
        /// search): its scalar search costs several times a lookup. A trace line's few literals are
        /// searched faster than a miss here would cost.
        /// </summary>
        private VerdictMemo? Memo => _memoIfSlow.Value;

        public bool IsCostly => LiteralTexts.Length > VectorisedLiterals;

        /// <summary>The most literals .NET searches with its vectorised (Teddy) search; above, it runs a scalar automaton.</summary>
        private const int VectorisedLiterals = 80;
    }
}
