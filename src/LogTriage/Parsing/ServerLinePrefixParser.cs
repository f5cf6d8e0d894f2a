namespace LogTriage.Parsing;

/// <summary>
/// Reads the prefix of a nats-server log line in every layout the server writes:
/// <c>[pid] YYYY/MM/DD HH:MM:SS.uuuuuu [LVL] </c>, without the pid, without the time
/// (<c>logtime: false</c>), and the level-less stamp of log rotation lines.
/// </summary>
/// <remarks>Times carry no zone in these logs; they are read as UTC.</remarks>
internal static class ServerLinePrefixParser
{
    /// <summary>
    /// How far into a line the signature is looked for: platform prefixes (a journald header with
    /// a long host name, kubectl's pod/container and time) are far shorter, and the bound keeps
    /// the search cheap on long lines that hold no signature.
    /// </summary>
    public const int MaxPrefixLength = 256;

    /// <summary>
    /// Finds the server's signature wherever it stands in the line: at its start (the common
    /// case, tried first), or behind whatever a platform put before it (a container or pod name,
    /// a time stamp, a syslog header, a markdown quote or table border, indentation).
    /// </summary>
    /// <remarks>
    /// Every layout but the rotation notice carries a level label, so only a <c>[</c> can begin
    /// the signature (a pid) or end it (a label, with the stamp or a syslog tag just before it).
    /// A bare label counts only after a syslog tag's <c>: </c>, since elsewhere <c>[ERR]</c> may be
    /// anyone's. Lines are scanned left to right and the first signature wins: the server's
    /// message, which may quote anything, comes after it.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    /// <param name="withTime">False: the stamp is checked but its time not computed (the prefix's time is null).</param>
    public static bool TryFind(ReadOnlySpan<char> line, out ServerLinePrefix prefix, bool withTime = true)
    {
        if (TryParse(line, out prefix, withTime))
            return true;

        var limit = Math.Min(line.Length, MaxPrefixLength);
        for (var from = 1; from < limit;)
        {
            var next = line[from..limit].IndexOf('[');
            if (next < 0)
                break;
            var at = from + next;
            from = at + 1;
            if (at + 1 >= line.Length)
                break;

            int start;
            if (char.IsAsciiDigit(line[at + 1]))
                start = at;
            else if (line[at - 1] == ' ' && IsLevelLabel(line[at..]))
                start = StampStartBefore(line, at) ?? (at >= 2 && line[at - 2] == ':' ? at : -1);
            else
                continue;

            if (start >= 0 && TryParse(line[start..], out var found, withTime))
            {
                prefix = found with { MessageStart = found.MessageStart + start, Start = start };
                return true;
            }
        }
        prefix = default;
        return false;
    }

    /// <summary>Where a stamp without pid begins when it ends just before the label at <paramref name="label"/>.</summary>
    private static int? StampStartBefore(ReadOnlySpan<char> line, int label)
    {
        // The stamp ends in its fraction digits (six from the server's logger) or its seconds.
        var end = label - 1;
        var i = end - 1;
        while (i >= 0 && char.IsAsciiDigit(line[i]))
            i--;
        var start = i >= 0 && line[i] == '.' ? i - 19 : end - 19;
        if (start < 0 || (start > 0 && !char.IsWhiteSpace(line[start - 1]) && !char.IsPunctuation(line[start - 1])))
            return null;
        return TryParseStamp(line[start..end], out _, out var length, withTime: false) && length == end - start ? start : null;
    }

    private static bool IsLevelLabel(ReadOnlySpan<char> s) => TryParseLevel(s, out _, out _);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    /// <param name="withTime">False: the stamp is checked but its time not computed (the prefix's time is null).</param>
    public static bool TryParse(ReadOnlySpan<char> line, out ServerLinePrefix prefix, bool withTime = true)
    {
        prefix = default;
        var pos = 0;
        int? pid = null;

        if (line.Length > 2 && line[0] == '[' && char.IsAsciiDigit(line[1]))
        {
            // The first ']' as IndexOf finds it, but a character no number can hold ends the look early.
            var close = 1;
            while (close < line.Length && line[close] != ']')
            {
                var c = line[close++];
                if (!char.IsAsciiDigit(c) && !char.IsWhiteSpace(c) && c != '\0')
                    return false;
            }
            if (close >= line.Length || !TryPid(line[1..close], out var p))
                return false;
            pid = p;
            pos = close + 1;
            if (pos >= line.Length || line[pos] != ' ')
                return false;
            pos++;
        }

        DateTimeOffset? time = null;
        var stamped = false;
        if (TryParseStamp(line[pos..], out var stamp, out var stampLength, withTime))
        {
            stamped = true;
            time = withTime ? stamp : null;
            pos += stampLength;
            if (pos < line.Length && line[pos] == ' ')
                pos++;
        }

        if (TryParseLevel(line[pos..], out var level, out var levelLength))
        {
            pos += levelLength;
            // The server puts its time before the level, never after: "[ERR] 2024-07-01 10:48:43 - ..."
            // is an application's logger in the server's manner, whose lines are the client's.
            if (!stamped && pid is null && StartsWithDate(line[pos..]))
                return false;
        }
        else if (stamped && pid is null && IsRotationNotice(line[pos..]))
        {
            // Rotation notices are written with a bare stamp and no level; any other bare stamp
            // is Go's standard logger in an application, not the server.
            level = LogLevel.Info;
        }
        else
        {
            return false;
        }

        prefix = new ServerLinePrefix(pid, time, level, pos);
        return true;
    }

    /// <summary>As <c>int.TryParse</c>; digits alone, the usual case, without its general number parser.</summary>
    private static bool TryPid(ReadOnlySpan<char> s, out int pid)
    {
        if (s.Length <= 9 && TryDigits(s, out pid))
            return true;
        return int.TryParse(s, out pid);
    }

    private static bool StartsWithDate(ReadOnlySpan<char> s) =>
        s.Length >= 10 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3])
        && s[4] is '-' or '/' && char.IsAsciiDigit(s[5]) && char.IsAsciiDigit(s[6]) && s[7] == s[4];

    private static bool IsRotationNotice(ReadOnlySpan<char> message) =>
        message.StartsWith("Rotated log, backup saved as ") || message.StartsWith("Purged log file ");

    /// <summary><c>YYYY/MM/DD HH:MM:SS</c> with optional <c>.fraction</c>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    /// <param name="withTime">False: the stamp is only checked; <paramref name="time"/> is left default.</param>
    public static bool TryParseStamp(ReadOnlySpan<char> s, out DateTimeOffset time, out int length, bool withTime = true)
    {
        time = default;
        length = 0;
        if (s.Length < 19 || s[4] != '/' || s[7] != '/' || s[10] != ' ' || s[13] != ':' || s[16] != ':')
            return false;
        if (!TryDigits(s[..4], out var year) || !TryDigits(s[5..7], out var month) || !TryDigits(s[8..10], out var day)
            || !TryDigits(s[11..13], out var hour) || !TryDigits(s[14..16], out var minute) || !TryDigits(s[17..19], out var second))
            return false;

        length = 19;
        long ticks = 0;
        if (s.Length > 20 && s[19] == '.' && char.IsAsciiDigit(s[20]))
        {
            var digits = 0;
            var i = 20;
            long fraction = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                if (digits < 7)
                {
                    fraction = fraction * 10 + (s[i] - '0');
                    digits++;
                }
                i++;
            }
            for (var d = digits; d < 7; d++)
                fraction *= 10;
            ticks = fraction;
            length = i;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59)
            return false;
        if (withTime)
            time = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + ticks, TimeSpan.Zero);
        return true;
    }

    /// <summary><c>[INF] </c> and the other labels, also coloured (<c>[\x1b[32mINF\x1b[0m] </c>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseLevel(ReadOnlySpan<char> s, out LogLevel level, out int length)
    {
        level = LogLevel.Unknown;
        length = 0;
        if (s.Length < 5 || s[0] != '[')
            return false;
        var close = s[..Math.Min(s.Length, 25)].IndexOf(']');
        if (close < 4 || close > 24)
            return false;
        var label = AnsiColour.Strip(s[1..close]);
        if (label.Length != 3 || !LogLevelNames.TryParse(label, out level))
            return false;
        length = close + 1;
        if (length < s.Length && s[length] == ' ')
            length++;
        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
