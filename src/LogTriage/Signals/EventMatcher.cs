using System.Buffers;
using System.Text.RegularExpressions;
using LogTriage.Parsing;
using LogTriage.Rules;

namespace LogTriage.Signals;

/// <summary>The compiled <c>when</c> of one single-event rule.</summary>
internal sealed class EventMatcher
{
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    private readonly RuleSource _source;
    private readonly HashSet<LogLevel> _levels;
    private readonly HashSet<ConnectionKind> _kinds;
    private readonly LiteralSet _contains;
    private readonly Regex? _regex;
    private readonly Regex? _unanchoredRegex;
    private readonly LiteralSet _unlessContains;
    private readonly Regex? _unlessRegex;
    private readonly IReadOnlyList<FieldComparison> _where;
    private readonly LiteralSet _textContains;
    private readonly Regex? _textRegex;

    public EventMatcher(RuleDefinition rule)
    {
        Rule = rule;
        var when = rule.When ?? throw new ArgumentException($"rule '{rule.Id}' is not a single-event rule", nameof(rule));
        _source = rule.Source;
        _levels = [.. when.Levels];
        _kinds = [.. when.Kinds];
        _contains = new LiteralSet([.. when.Message?.Contains ?? []]);
        _regex = when.Message?.CompiledRegex;
        _unanchoredRegex = when.Message?.UnanchoredRegex;
        _unlessContains = new LiteralSet([.. when.Unless?.Contains ?? []]);
        _unlessRegex = when.Unless?.CompiledRegex;
        _where = when.Where;
        _textContains = new LiteralSet([.. when.Text?.Contains ?? []]);
        _textRegex = when.Text?.UnanchoredRegex;
    }

    public RuleDefinition Rule { get; }

    /// <summary>
    /// Literals of which at least one must occur in the message for this rule to match; empty when
    /// none is required. A rule on the whole record names literals of its first line (a crash's
    /// "panic: "), which the message holds too.
    /// </summary>
    public IReadOnlyList<string> RequiredLiterals => _contains.Length > 0 ? _contains.Texts : _textContains.Texts;

    /// <summary>The literals of which one must occur in the message (<c>when.message.contains</c>).</summary>
    public IReadOnlyList<string> MessageLiterals => _contains.Texts;

    /// <summary>Whether events of this origin and level can match at all: the part of the rule that needs no text.</summary>
    public bool Applies(EventOrigin origin, LogLevel level) =>
        SourceAccepts(origin) && (_levels.Count == 0 ? !IsServerProtocolTrace(origin, level) : _levels.Contains(level) || level == LogLevel.Unknown);

    /// <summary>
    /// nats-server traces nothing but protocol traffic (<c>&lt;&lt;- [PUB ...]</c>, <c>-&gt;&gt; [-ERR ...]</c>,
    /// payloads): the text is what a client sent or was sent, never the server's own statement, so
    /// only a rule that names the trace level reads it; a payload quoting "panic: " is no crash.
    /// </summary>
    private static bool IsServerProtocolTrace(EventOrigin origin, LogLevel level) => origin == EventOrigin.Server && level == LogLevel.Trace;

    /// <param name="messageLiteralsChecked">The caller found one of <see cref="MessageLiterals"/> in the message already.</param>
    public Signal? Match(LogEvent e, bool messageLiteralsChecked = false)
    {
        if (!Applies(e.Origin, e.Level))
            return null;
        if (_kinds.Count > 0 && (e.Connection is null || !_kinds.Contains(e.Connection.Kind)))
            return null;

        var message = e.Message;
        if (!messageLiteralsChecked && _contains.Length > 0 && !_contains.IsIn(message))
            return null;

        var fields = e.Fields.Count > 0 ? e.Fields : NoFields;
        if (_regex is not null)
        {
            // A line whose layout no format understood may carry any prefix before the message.
            var match = SafeMatch(e.Origin == EventOrigin.Unknown ? _unanchoredRegex! : _regex, message);
            if (match is null || !match.Success)
                return null;
            fields = Captures(match, fields);
        }

        if (Excluded(message))
            return null;
        if (_textContains.Length > 0 && !_textContains.IsIn(e.Text))
            return null;
        if (_textRegex is not null && SafeMatch(_textRegex, e.Text) is not { Success: true })
            return null;
        foreach (var comparison in _where)
            if (!comparison.Holds(fields))
                return null;

        return new Signal(Rule, e, fields);
    }

    /// <summary><c>unless</c> reads like <c>message</c>: every part given must hold to exclude.</summary>
    private bool Excluded(string message)
    {
        if (_unlessContains.Length == 0 && _unlessRegex is null)
            return false;
        return (_unlessContains.Length == 0 || _unlessContains.IsIn(message))
            && (_unlessRegex is null || SafeMatch(_unlessRegex, message) is { Success: true });
    }

    /// <summary>A match that ran out of time counts as no match: a hostile line cannot hang the scan.</summary>
    private static Match? SafeMatch(Regex regex, string text)
    {
        try
        {
            return regex.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    // journald's short output keeps no severity of the server's syslog lines, and pastes through log
    // viewers often drop the level: a level condition cannot be checked then (Applies lets Unknown
    // through), and the message alone decides.
    private bool SourceAccepts(EventOrigin origin) => _source switch
    {
        // A close reason read from the monitoring endpoints is the server's own statement; text of
        // unknown origin may be a server's line reformatted by a paste or an embedding application.
        RuleSource.Server => origin is EventOrigin.Server or EventOrigin.Monitor or EventOrigin.Unknown,
        // Free text of unknown origin is most often an application's log.
        RuleSource.Client => origin is not (EventOrigin.Server or EventOrigin.Monitor),
        RuleSource.Monitor => origin == EventOrigin.Monitor,
        _ => true,
    };

    /// <summary>
    /// Literals of which any may occur, case-insensitively. Searched with a vectorised multi-string
    /// search (built at first use: most rules never see a line), the same test as
    /// <c>string.Contains(literal, OrdinalIgnoreCase)</c> for each.
    /// </summary>
    private sealed class LiteralSet(string[] texts)
    {
        private SearchValues<string>? _search;

        public string[] Texts => texts;
        public int Length => texts.Length;

        public bool IsIn(string text) =>
            text.AsSpan().IndexOfAny(_search ??= SearchValues.Create(texts, StringComparison.OrdinalIgnoreCase)) >= 0;
    }

    /// <summary>The regex's named groups, over the fields the event came with.</summary>
    private static IReadOnlyDictionary<string, string> Captures(Match match, IReadOnlyDictionary<string, string> given)
    {
        Dictionary<string, string>? fields = given.Count > 0 ? new Dictionary<string, string>(given, StringComparer.Ordinal) : null;
        foreach (Group group in match.Groups)
        {
            if (!group.Success || char.IsAsciiDigit(group.Name[0]))
                continue;
            fields ??= new Dictionary<string, string>(StringComparer.Ordinal);
            fields[group.Name] = group.Value;
        }
        return fields ?? given;
    }
}
