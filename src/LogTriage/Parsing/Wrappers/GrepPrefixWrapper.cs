namespace LogTriage.Parsing.Wrappers;

/// <summary>
/// What grep puts before each line it prints when a support engineer greps the logs and pastes the
/// result: the file name (<c>-H</c>, <c>-r</c>, several files), the line number (<c>-n</c>), both
/// (<c>nats.log:1234:[1] 2024/...</c>), with <c>-</c> instead of <c>:</c> on the context lines of
/// <c>-A</c>/<c>-B</c>/<c>-C</c> (<c>nats.log-1233-...</c>).
/// </summary>
/// <remarks>
/// A file name counts only when it ends in a log file's extension (<c>.log</c>, <c>.txt</c>,
/// <c>.out</c>, <c>.err</c>, a rotation number, <c>.gz</c>), since <c>java.io.IOException: </c> has
/// the same shape. A bare line number counts only before <c>:</c> (a date's <c>2024-</c> is not
/// one), and not where the line starts with a clock time (<c>10:42:38 Disconnected</c>).
/// </remarks>
internal sealed class GrepPrefixWrapper : ILineWrapper
{
    private static readonly string[] Extensions = [".log", ".txt", ".out", ".err"];

    public string Name => "grep";

    public bool ServerReadsThrough => true;

    public bool TryUnwrap(string line, out UnwrappedLine inner)
    {
        inner = default;
        var s = line.AsSpan();
        var fileEnd = FileNameEnd(s);
        var i = fileEnd >= 0 ? fileEnd + 1 : 0;
        var separator = fileEnd >= 0 ? s[fileEnd] : ':';
        var digits = 0;
        while (i + digits < s.Length && char.IsAsciiDigit(s[i + digits]))
            digits++;
        if (digits > 0 && digits <= 9 && i + digits < s.Length && s[i + digits] == separator)
        {
            if (fileEnd < 0 && StartsWithClockTime(s))
                return false;
            i += digits + 1;
        }
        else if (fileEnd < 0)
        {
            return false;
        }
        inner = new UnwrappedLine(line[i..], null, null, null);
        return true;
    }

    /// <summary>Where a leading log file name ends (at its <c>:</c> or <c>-</c>), or -1.</summary>
    private static int FileNameEnd(ReadOnlySpan<char> s)
    {
        var limit = Math.Min(s.Length, 512);
        var blank = s[..limit].IndexOfAny(' ', '\t');
        var head = blank < 0 ? s[..limit] : s[..blank];
        foreach (var extension in Extensions)
        {
            var at = head.IndexOf(extension, StringComparison.OrdinalIgnoreCase);
            if (at <= 0)
                continue;
            var end = at + extension.Length;
            // rotated (nats.log.1) or compressed (zgrep: nats.log.gz)
            if (end + 1 < head.Length && head[end] == '.' && char.IsAsciiDigit(head[end + 1]))
            {
                end++;
                while (end < head.Length && char.IsAsciiDigit(head[end]))
                    end++;
            }
            if (head[end..].StartsWith(".gz", StringComparison.OrdinalIgnoreCase))
                end += 3;
            if (end < head.Length && head[end] is ':' or '-')
                return end;
        }
        return -1;
    }

    private static bool StartsWithClockTime(ReadOnlySpan<char> s) =>
        s.Length >= 7 && char.IsAsciiDigit(s[0]) && (s[1] == ':' ? IsMinutesSeconds(s[2..]) : char.IsAsciiDigit(s[1]) && s[2] == ':' && IsMinutesSeconds(s[3..]));

    private static bool IsMinutesSeconds(ReadOnlySpan<char> s) =>
        s.Length >= 5 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && s[2] == ':' && char.IsAsciiDigit(s[3]) && char.IsAsciiDigit(s[4]);
}
