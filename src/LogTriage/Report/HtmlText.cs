using System.Globalization;
using System.Text;

namespace LogTriage.Report;

/// <summary>
/// Text into HTML for <see cref="HtmlReportRenderer"/>: everything that comes from a log or a rule
/// file goes through <see cref="Escape"/>. The output is also well-formed XML (XHTML-compatible),
/// so control characters, which neither HTML nor XML allows, are shown as <c>\x1B</c>.
/// </summary>
internal static class HtmlText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var s = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '<': s.Append("&lt;"); break;
                case '>': s.Append("&gt;"); break;
                case '&': s.Append("&amp;"); break;
                case '"': s.Append("&quot;"); break;
                case '\'': s.Append("&#39;"); break;
                case '\n' or '\t': s.Append(c); break;
                case '\r':
                    if (i + 1 >= text.Length || text[i + 1] != '\n')
                        s.Append('\n');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                        s.Append(c).Append(text[++i]);
                    else if (char.IsSurrogate(c) || c < ' ' || (c >= '\u007F' && c <= '\u009F') || c is '\uFFFE' or '\uFFFF')
                        s.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    else
                        s.Append(c);
                    break;
            }
        }
        return s.ToString();
    }

    /// <summary>Prose from a rule file: escaped, with <c>`code`</c> spans kept as code.</summary>
    public static string Prose(string? text)
    {
        var parts = Escape(text).Split('`');
        var s = new StringBuilder(parts[0]);
        for (var i = 1; i < parts.Length; i++)
        {
            // Odd parts sit between two backticks, unless the last backtick has no partner.
            if (i % 2 == 1 && i < parts.Length - 1)
                s.Append("<code>").Append(parts[i]).Append("</code>");
            else if (i % 2 == 1)
                s.Append('`').Append(parts[i]);
            else
                s.Append(parts[i]);
        }
        return s.ToString();
    }

    /// <summary>Hard-wrapped text (YAML block scalars): single line ends are spaces, blank lines separate paragraphs.</summary>
    public static IEnumerable<string> Paragraphs(string? text) =>
        (text ?? "").Replace("\r", "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0);

    /// <summary>A fragment identifier from a cause id.</summary>
    public static string Anchor(string causeId) => "cause-" + Token(causeId);

    /// <summary>A name safe in an id or a class: letters, digits, '-' and '_' only, lower case.</summary>
    public static string Token(string name)
    {
        var s = new StringBuilder(name.Length);
        foreach (var c in name)
            s.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? char.ToLowerInvariant(c) : '_');
        return s.ToString();
    }

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
