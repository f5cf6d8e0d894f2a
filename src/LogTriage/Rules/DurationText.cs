namespace LogTriage.Rules;

/// <summary>Durations as rule authors write them: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>.</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var s = text.Trim();
        var unitStart = 0;
        while (unitStart < s.Length && (char.IsAsciiDigit(s[unitStart]) || s[unitStart] == '.'))
            unitStart++;
        if (unitStart == 0 || !double.TryParse(s[..unitStart], System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var value))
            return false;
        double? ms = s[unitStart..] switch
        {
            "ms" => value,
            "s" => value * 1000,
            "m" => value * 60_000,
            "h" => value * 3_600_000,
            "d" => value * 86_400_000,
            _ => null,
        };
        if (ms is null)
            return false;
        duration = TimeSpan.FromMilliseconds(ms.Value);
        return true;
    }

    public static string Format(TimeSpan t) =>
        t.TotalDays >= 1 && t.TotalDays % 1 == 0 ? $"{t.TotalDays}d"
        : t.TotalHours >= 1 && t.TotalHours % 1 == 0 ? $"{t.TotalHours}h"
        : t.TotalMinutes >= 1 && t.TotalMinutes % 1 == 0 ? $"{t.TotalMinutes}m"
        : t.TotalSeconds >= 1 && t.TotalSeconds % 1 == 0 ? $"{t.TotalSeconds}s"
        : $"{t.TotalMilliseconds}ms";
}
