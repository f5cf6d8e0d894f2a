using System.Globalization;

namespace LogTriage.Parsing.Wrappers;

/// <summary>
/// A row of a log platform's CSV download: a time, then the collected line as the last field,
/// quoted with its quotes doubled (CloudWatch Logs Insights' <c>@timestamp,@message</c>, Splunk's
/// <c>_time,_raw</c>, Datadog's and Grafana's exports). Fields between the two (host, stream) are
/// skipped. The header row is not a row and stays unparsed.
/// </summary>
internal sealed class CsvExportWrapper : ILineWrapper
{
    public string Name => "csv-export";

    public bool TryUnwrap(string line, out UnwrappedLine inner)
    {
        inner = default;
        var s = line.AsSpan().TrimEnd('\r');
        if (s.Length < 4 || s[^1] != '"')
            return false;
        var comma = s.IndexOf(',');
        if (comma <= 0 || !TryTime(s[..comma].Trim('"'), out var time))
            return false;
        // The last field is the collected line: find the quote that opens it, skipping doubled quotes.
        var open = LastFieldStart(s);
        if (open <= comma)
            return false;
        inner = new UnwrappedLine(s[(open + 1)..^1].ToString().Replace("\"\"", "\""), time, null, null);
        return true;
    }

    /// <summary>Where the quoted last field opens (its quote right after a comma), or -1.</summary>
    private static int LastFieldStart(ReadOnlySpan<char> s)
    {
        var i = s.Length - 2;
        while (i > 0)
        {
            if (s[i] == '"')
            {
                if (s[i - 1] == '"')
                {
                    i -= 2;
                    continue;
                }
                return s[i - 1] == ',' ? i : -1;
            }
            i--;
        }
        return -1;
    }

    /// <summary>RFC 3339, "yyyy-MM-dd HH:mm:ss.fff" (CloudWatch, Splunk), or epoch milliseconds.</summary>
    private static bool TryTime(ReadOnlySpan<char> field, out DateTimeOffset time)
    {
        time = default;
        if (field.Length < 10 || !char.IsAsciiDigit(field[0]))
            return false;
        if (field.Length >= 12 && field.Length <= 13 && long.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }
        return field.Length >= 19 && field[4] == '-' && field[7] == '-' && (field[10] == 'T' || field[10] == ' ')
            && Rfc3339.TryParse(field, out time);
    }
}
