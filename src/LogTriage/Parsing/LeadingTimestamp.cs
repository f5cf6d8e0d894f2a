using System.Globalization;

namespace LogTriage.Parsing;

/// <summary>
/// The time at the start of a free-text line, in the layouts applications commonly write:
/// Go's <c>2006/01/02 15:04:05[.000000]</c>, ISO 8601 (<c>2026-11-25T10:00:00.123Z</c>) and
/// <c>2026-11-25 10:00:00[.123]</c>. Times without a zone are read as UTC.
/// </summary>
internal static class LeadingTimestamp
{
    private static readonly string[] IsoLayouts =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss,FFF", "yyyy-MM-dd'T'HH:mm:ss",
    ];

    public static DateTimeOffset? TryRead(string text)
    {
        var s = text.AsSpan().TrimStart();
        if (s.Length < 19 || !char.IsAsciiDigit(s[0]))
            return null;
        if (ServerLinePrefixParser.TryParseStamp(s, out var stamp, out _))
            return stamp;
        if (s[4] != '-')
            return null;

        var end = 19;
        while (end < s.Length && s[end] != ' ' && s[end] != ']' && s[end] != '\t')
            end++;
        var token = s[..end];
        // "2026-11-25 10:00:00.123 +01:00" keeps its zone in the next token.
        foreach (var layout in IsoLayouts)
            if (DateTimeOffset.TryParseExact(token, layout, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
                return time;
        return null;
    }
}
