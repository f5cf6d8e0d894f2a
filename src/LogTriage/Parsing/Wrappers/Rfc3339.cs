using System.Globalization;

namespace LogTriage.Parsing.Wrappers;

/// <summary>RFC 3339 times as containers write them, with up to nine fraction digits (.NET reads seven).</summary>
public static class Rfc3339
{
    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset time)
    {
        var dot = s.IndexOf('.');
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < s.Length && char.IsAsciiDigit(s[end]))
                end++;
            if (end - dot - 1 > 7)
                return DateTimeOffset.TryParse(string.Concat(s[..(dot + 8)], s[end..]), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
        }
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }
}
