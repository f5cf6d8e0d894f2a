using System.Globalization;

namespace LogTriage.Rules;

/// <summary>
/// A typed test on a captured field, written <c>"cpu > 90"</c>, <c>"pending_bytes >= max_pending"</c>
/// or <c>"reading == cpu"</c>: numbers compare as numbers (sizes and durations as Go prints them
/// included), anything else as text, ignoring case.
/// </summary>
public sealed record FieldComparison(string Field, string Operator, string Operand, bool OperandIsField)
{
    public static readonly IReadOnlyList<string> Operators = [">=", "<=", "!=", "==", ">", "<"];

    public bool Holds(IReadOnlyDictionary<string, string> fields)
    {
        if (!fields.TryGetValue(Field, out var left))
            return false;
        // A word on the right is another field when there is one of that name, else a literal ("reading == cpu").
        var right = OperandIsField && fields.TryGetValue(Operand, out var other) ? other : Operand;
        var order = TryNumber(left, out var l) && TryNumber(right, out var r)
            ? l.CompareTo(r)
            : string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
        return Operator switch
        {
            ">" => order > 0,
            ">=" => order >= 0,
            "<" => order < 0,
            "<=" => order <= 0,
            "==" => order == 0,
            _ => order != 0,
        };
    }

    /// <summary>Reads <c>90</c>, <c>12.5</c>, <c>2.5s</c>, <c>150ms</c>, <c>64MB</c> as numbers (durations in seconds, sizes in bytes).</summary>
    public static bool TryNumber(string text, out double value)
    {
        var s = text.Trim().TrimEnd('%');
        var end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] is '.' or '-' or '+' or 'e' or 'E') && !(s[end] is 'e' or 'E' && end == 0))
            end++;
        if (end == 0 || !double.TryParse(s[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            value = 0;
            return false;
        }
        var unit = s[end..].Trim().ToLowerInvariant();
        double? scale = unit switch
        {
            "" or "b" or "s" => 1,
            "ms" => 1e-3,
            "µs" or "us" => 1e-6,
            "ns" => 1e-9,
            "m" => 60,
            "h" => 3600,
            "k" or "kb" or "kib" => 1024,
            "mb" or "mib" => 1024 * 1024,
            "gb" or "gib" => 1024.0 * 1024 * 1024,
            _ => null,
        };
        if (scale is null)
            return false;
        value *= scale.Value;
        return true;
    }

    public override string ToString() => $"{Field} {Operator} {Operand}";
}
