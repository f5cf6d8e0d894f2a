using System.Text;
using System.Text.Json;

namespace LogTriage.Parsing;

/// <summary>
/// Renders a Serilog message template (CLEF's <c>@mt</c>) with the event's properties, as a
/// reader must when the writer kept the template rather than the rendered text. Tokens follow
/// the grammar of Serilog 4's parser: <c>{Name}</c>, <c>{@Name}</c>, <c>{$Name}</c>, <c>{Name,align}</c>,
/// <c>{Name:format}</c>; <c>{{</c> and <c>}}</c> are escapes; a token that is not valid, or whose
/// property is missing, stays as written. A formatted token takes its text from <c>@r</c>, which
/// the writer rendered for exactly those tokens, in order.
/// <para>
/// One deliberate difference from Serilog: a string property is rendered WITHOUT the quotes
/// Serilog puts around it (<c>Failed to connect NATS nats://host:4222 [3]</c>, not
/// <c>... NATS "nats://host:4222" [3]</c>), so a message reads like the library's own text and a
/// rule's literal matches it whichever way the application logged. Other scalars render as
/// Serilog does (<c>True</c>, <c>null</c>, numbers as written); objects and arrays as their JSON.
/// CLEF keeps no types: an unformatted date reads as the ISO text the writer stored, not as
/// Serilog's culture-dependent rendering of it.
/// </para>
/// </summary>
internal static class ClefMessageTemplate
{
    public static string Render(string template, JsonElement properties)
    {
        var text = new StringBuilder(template.Length + 32);
        var renderings = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("@r", out var r)
            && r.ValueKind == JsonValueKind.Array ? r : default;
        var formatted = 0;
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            if (c == '}')
            {
                text.Append('}');
                i += i + 1 < template.Length && template[i + 1] == '}' ? 2 : 1;
                continue;
            }
            if (c != '{')
            {
                text.Append(c);
                i++;
                continue;
            }
            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                text.Append('{');
                i += 2;
                continue;
            }

            // A token runs to the first '}'; without one, the rest is text as written.
            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }

            var raw = template.AsSpan(i, end + 1 - i);
            i = end + 1;
            if (!ClefToken.TryParse(raw[1..^1], out var token))
            {
                text.Append(raw);
                continue;
            }
            var rendering = token.Format is null ? null : Rendering(renderings, formatted++);
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(token.Name, out var value))
                text.Append(raw);
            else
                AppendValue(text, value, token, rendering);
        }
        return text.ToString();
    }

    private static string? Rendering(JsonElement renderings, int index) =>
        renderings.ValueKind == JsonValueKind.Array && index < renderings.GetArrayLength()
            && renderings[index] is { ValueKind: JsonValueKind.String } r ? r.GetString() : null;

    private static void AppendValue(StringBuilder text, JsonElement value, ClefToken token, string? rendering)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var s = value.GetString()!;
            // Serilog ignores a format on a string, but for "l", and quotes it: its rendering only
            // adds quotes then. A string that came from another type (a date) was really formatted.
            if (rendering is null || rendering == token.Align(s) || rendering == token.Align(Quoted(s)))
                text.Append(token.Align(s));
            else
                text.Append(rendering);
            return;
        }
        if (rendering is not null)
        {
            text.Append(rendering);
            return;
        }
        text.Append(token.Align(value.ValueKind switch
        {
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            _ => value.GetRawText(),
        }));
    }

    /// <summary>A string as Serilog renders it in a message by default.</summary>
    private static string Quoted(string s) => "\"" + s.Replace("\"", "\\\"") + "\"";
}
