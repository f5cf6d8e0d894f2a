using LogTriage.Input;
using System.Text.Json;

namespace LogTriage.Parsing;

/// <summary>
/// Generic JSON-lines logs (zap, logrus, slog, pino, bunyan, ...): one object per line with a
/// message, a level and a time under one of their usual names. Serilog's CLEF has its own format.
/// </summary>
internal sealed class JsonLinesFormat : ILogFormat
{
    private static readonly string[] MessageNames = ["msg", "message", "Message", "@m", "log"];
    private static readonly string[] LevelNames = ["level", "lvl", "severity", "Level", "log.level", "levelname"];
    private static readonly string[] TimeNames = ["time", "ts", "timestamp", "@timestamp", "Timestamp", "t", "datetime"];
    // Where loggers put an exception: zap/logrus/slog "error", structlog "exception", python-json-logger
    // "exc_info", logstash-logback-encoder "stack_trace", ECS "error.stack_trace"; pino and bunyan an
    // object {type, message, stack}. zap's "stacktrace" is the logging call's Go stack, not an error.
    private static readonly string[] ErrorNames =
    [
        "error", "err", "exception", "Exception", "exc_info", "stack_trace", "error.stack_trace", "error.message", "stack", "stacktrace",
    ];

    public string Name => "json-lines";

    public double Recognise(IReadOnlyList<string> sample)
    {
        var nonEmpty = sample.Count(l => l.Length > 0);
        if (nonEmpty == 0)
            return 0;
        // Just below a format that names the layout exactly (CLEF), which wins a tie.
        return 0.95 * sample.Count(l => TryRead(l, out _, out _, out _)) / nonEmpty;
    }

    public ILineParser CreateParser(string inputName) => new Parser(inputName);

    private static bool TryRead(string line, out string message, out LogLevel level, out DateTimeOffset? time)
    {
        message = "";
        level = LogLevel.Unknown;
        time = null;
        var trimmed = line.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '{')
            return false;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Find(root, MessageNames) is not { ValueKind: JsonValueKind.String } m)
                return false;
            message = m.GetString()!.TrimEnd('\n');
            if (Find(root, LevelNames) is { } l)
                level = l.ValueKind switch
                {
                    // bunyan/pino numbers; a fraction or a huge number is nobody's level, so it is missing
                    JsonValueKind.Number => l.TryGetInt32(out var n) ? NumericLevel(n) : LogLevel.Unknown,
                    JsonValueKind.String => LogLevelNames.TryParse(l.GetString(), out var parsed) ? parsed : LogLevel.Unknown,
                    _ => LogLevel.Unknown,
                };
            if (Find(root, TimeNames) is { } t)
                time = ReadTime(t);
            message = ExceptionText.Append(message, ErrorText(root));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Where loggers nest an event's fields: Cloud Foundry's lager ("data"), others' field bags.
    private static readonly string[] FieldContainers = ["data", "fields", "context", "attributes", "attrs", "extra"];

    private static string? ErrorText(JsonElement root) =>
        OwnErrorText(root)
        ?? FieldContainers.Select(c => root.TryGetProperty(c, out var bag) && bag.ValueKind == JsonValueKind.Object ? OwnErrorText(bag) : null)
            .FirstOrDefault(t => t is not null);

    private static string? OwnErrorText(JsonElement root)
    {
        foreach (var name in ErrorNames)
        {
            if (!root.TryGetProperty(name, out var value))
                continue;
            if (value.ValueKind == JsonValueKind.String)
                return value.GetString();
            if (value.ValueKind == JsonValueKind.Object)
                return ErrorObjectText(value);
        }
        return null;
    }

    /// <summary>
    /// pino's and bunyan's serialised error, ECS's error object: the stack when there is one (it
    /// starts with the type and message), else the type and message; a Node error's code after it.
    /// </summary>
    private static string? ErrorObjectText(JsonElement error)
    {
        string? Text(params string[] names) =>
            names.Select(n => error.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                 .FirstOrDefault(v => !string.IsNullOrEmpty(v));

        var stack = Text("stack", "stack_trace");
        var type = Text("type", "name");
        var message = Text("message", "msg");
        var text = stack ?? (type is null ? message : message is null ? type : $"{type}: {message}");
        if (error.TryGetProperty("code", out var code) && code.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            text = text is null ? $"code: {code}" : $"{text}\ncode: {code}";
        // Node's Error.cause, nats.js v2's chainedError: the error underneath, named like a JVM cause.
        foreach (var name in (string[])["cause", "chainedError"])
            if (error.TryGetProperty(name, out var inner) && inner.ValueKind == JsonValueKind.Object && ErrorObjectText(inner) is { } innerText)
                text = $"{text}\nCaused by: {innerText.Split('\n')[0]}";
        return text;
    }

    private static JsonElement? Find(JsonElement root, string[] names)
    {
        foreach (var name in names)
            if (root.TryGetProperty(name, out var value))
                return value;
        return null;
    }

    /// <summary>Epoch seconds (zap; lager writes them as a string), epoch milliseconds (pino, bunyan), or text.</summary>
    private static DateTimeOffset? ReadTime(JsonElement t)
    {
        if (t.ValueKind == JsonValueKind.Number && t.TryGetDouble(out var n))
            return FromEpoch(n);
        if (t.ValueKind != JsonValueKind.String)
            return null;
        var text = t.GetString();
        if (Wrappers.Rfc3339.TryParse(text, out var parsed))
            return parsed;
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var epoch) && epoch > 1e8
            ? FromEpoch(epoch)
            : null;
    }

    private static DateTimeOffset FromEpoch(double n) =>
        n > 1e11 ? DateTimeOffset.FromUnixTimeMilliseconds((long)n) : DateTimeOffset.FromUnixTimeMilliseconds((long)(n * 1000));

    /// <summary>pino and bunyan: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal.</summary>
    private static LogLevel NumericLevel(int n) => n switch
    {
        <= 10 => LogLevel.Trace,
        <= 20 => LogLevel.Debug,
        <= 30 => LogLevel.Info,
        <= 40 => LogLevel.Warning,
        <= 50 => LogLevel.Error,
        _ => LogLevel.Fatal,
    };

    private sealed class Parser(string input) : ILineParser
    {
        public IEnumerable<LogEvent> Parse(IEnumerable<InputLine> lines)
        {
            foreach (var line in lines)
            {
                if (TryRead(line.Text, out var message, out var level, out var time))
                    yield return StructuredLineEvent.Of(input, line.Number, time, level, message, line.Text);
                else
                    yield return UnparsedLine.Event(input, line.Number, line.Text, null);
            }
        }
    }
}
