using System.Text;
using System.Text.Json;

namespace LogTriage.Parsing;

/// <summary>
/// Renders a Serilog message template (<c>@mt</c>) with the event's properties, as a reader of
/// CLEF must when the writer kept the template rather than the rendered text. Strings are
/// rendered without Serilog's quotes, so messages read like the library's own text
/// (<c>Failed to connect NATS nats://host:4222 [3]</c>) and rule literals match either way.
/// </summary>
public static class ClefMessageTemplate
{
    public static string Render(string template, JsonElement properties)
    {
        var text = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                text.Append('{');
                i++;
                continue;
            }
            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                text.Append('}');
                i++;
                continue;
            }
            var close = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                text.Append(c);
                continue;
            }
            var token = template[(i + 1)..close];
            var name = token.TrimStart('@', '$');
            var end = name.IndexOfAny([':', ',']);
            if (end >= 0)
                name = name[..end];
            if (name.Length > 0 && properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value))
                text.Append(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
            else
                text.Append('{').Append(token).Append('}');
            i = close;
        }
        return text.ToString();
    }
}
