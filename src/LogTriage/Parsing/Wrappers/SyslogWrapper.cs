using System.Globalization;

namespace LogTriage.Parsing.Wrappers;

/// <summary>
/// Syslog in the layouts a NATS server's lines arrive in: the server's own syslog output
/// (<c>&lt;29&gt;Nov 25 10:00:00 nats-server[4711]: msg</c>), RFC 5424 from <c>remote_syslog</c>
/// (<c>&lt;5&gt;1 2026-11-25T10:00:00Z host nats-server 4711 - - msg</c>), rsyslog files and
/// <c>journalctl</c>'s short and short-iso output (<c>Nov 25 10:00:00 host nats-server[4711]: msg</c>).
/// The severity of the PRI, when there is one, becomes the level.
/// </summary>
internal sealed class SyslogWrapper(DateTimeOffset now) : ILineWrapper
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public SyslogWrapper() : this(DateTimeOffset.UtcNow)
    {
    }

    public string Name => "syslog";

    public bool TryUnwrap(string line, out UnwrappedLine inner)
    {
        inner = default;
        var s = line.AsSpan();
        LogLevel? level = null;
        if (s.Length > 3 && s[0] == '<')
        {
            var close = s.IndexOf('>');
            if (close < 2 || close > 4 || !int.TryParse(s[1..close], out var pri))
                return false;
            level = LevelOf(pri % 8);
            s = s[(close + 1)..];
            if (s.StartsWith("1 "))
                return TryRfc5424(s[2..], level, out inner);
        }

        DateTimeOffset time;
        int consumed;
        if (TryBsdTime(s, out time, out consumed) || TryIsoTime(s, out time, out consumed))
            s = s[consumed..];
        else
            return false;

        // Only the server's own syslog output (with a PRI) leaves the host out; without one, a
        // line with no host is something else behind a time stamp (kubectl's: "<time> panic: ...").
        if (!TryTag(s, requireHost: level is null, out var program, out var message))
            return false;
        inner = new UnwrappedLine(message, time, level, program);
        return true;
    }

    /// <summary><c>[host ]tag[pid]: message</c> or <c>[host ]tag: message</c>.</summary>
    private static bool TryTag(ReadOnlySpan<char> s, bool requireHost, out string program, out string message)
    {
        program = message = "";
        var colon = s.IndexOf(": ");
        if (colon <= 0)
            return false;
        var head = s[..colon];
        var space = head.LastIndexOf(' ');
        if (requireHost && space < 0)
            return false;
        var tag = space >= 0 ? head[(space + 1)..] : head;
        // Anything before the tag must be one host name.
        if (space >= 0 && head[..space].Contains(' '))
            return false;
        var bracket = tag.IndexOf('[');
        if (bracket >= 0)
        {
            if (tag[^1] != ']' || !tag[(bracket + 1)..^1].ToString().All(char.IsAsciiDigit))
                return false;
            tag = tag[..bracket];
        }
        if (tag.IsEmpty || tag.ContainsAny(" /\\\"'"))
            return false;
        program = tag.ToString();
        message = s[(colon + 2)..].ToString();
        return true;
    }

    private bool TryBsdTime(ReadOnlySpan<char> s, out DateTimeOffset time, out int consumed)
    {
        time = default;
        consumed = 0;
        if (s.Length < 16 || s[3] != ' ' || s[6] != ' ' || s[9] != ':' || s[12] != ':' || s[15] != ' ')
            return false;
        var month = Array.IndexOf(Months, s[..3].ToString()) + 1;
        if (month == 0 || !int.TryParse(s[4..6].Trim(), out var day)
            || !int.TryParse(s[7..9], out var hour) || !int.TryParse(s[10..12], out var minute) || !int.TryParse(s[13..15], out var second))
            return false;
        // The layout has no year: the most recent year in which the date is not in the future.
        var year = now.Year;
        if (day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        if (time > now.AddDays(1))
            time = time.AddYears(-1);
        consumed = 16;
        return true;
    }

    /// <summary>journalctl short-iso: <c>2026-11-25T10:00:00+0000</c> (or with fractions, or a colon in the offset).</summary>
    private static bool TryIsoTime(ReadOnlySpan<char> s, out DateTimeOffset time, out int consumed)
    {
        time = default;
        consumed = 0;
        if (s.Length < 20 || !char.IsAsciiDigit(s[0]) || s[4] != '-' || s[10] != 'T')
            return false;
        var space = s.IndexOf(' ');
        if (space < 19)
            return false;
        var token = s[..space].ToString();
        if (token.Length > 5 && (token[^5] == '+' || token[^5] == '-') && token[^3] != ':')
            token = token[..^2] + ":" + token[^2..];
        if (!Rfc3339.TryParse(token, out time))
            return false;
        consumed = space + 1;
        return true;
    }

    private static bool TryRfc5424(ReadOnlySpan<char> s, LogLevel? level, out UnwrappedLine inner)
    {
        inner = default;
        // TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG
        Span<Range> parts = stackalloc Range[7];
        var count = s.Split(parts, ' ', StringSplitOptions.None);
        if (count < 6)
            return false;
        DateTimeOffset? time = Rfc3339.TryParse(s[parts[0]], out var t) ? t : null;
        var program = s[parts[2]].ToString();
        var rest = count == 7 ? s[parts[6]] : ReadOnlySpan<char>.Empty;
        var sd = s[parts[5]];
        if (sd.Length > 0 && sd[0] == '[')
        {
            // Structured data may hold spaces: skip to its closing bracket.
            var all = s[parts[5].Start.Value..];
            var end = all.IndexOf("] ");
            rest = end < 0 ? ReadOnlySpan<char>.Empty : all[(end + 2)..];
        }
        else if (sd is not "-")
        {
            return false;
        }
        inner = new UnwrappedLine(rest.ToString(), time, level, program == "-" ? null : program);
        return true;
    }

    /// <summary>A syslog severity (0 emergency .. 7 debug) as a level.</summary>
    internal static LogLevel LevelOf(int severity) => severity switch
    {
        <= 2 => LogLevel.Fatal,
        3 => LogLevel.Error,
        4 => LogLevel.Warning,
        7 => LogLevel.Debug,
        _ => LogLevel.Info,
    };
}
