using System.CommandLine;

namespace LogTriage.Cli;

/// <summary>The options every command that writes a cause report shares: format, exit code, output file, redaction.</summary>
public sealed class ReportOptions
{
    public Option<string> Format { get; } = new("--format", "-f")
    {
        Description = "Report format: text, json, jsonl (live causes, then the report, one JSON object per line), markdown, html (one self-contained page), csv (one row per cause per input) or prometheus (node_exporter textfile metrics).",
        DefaultValueFactory = _ => "text",
    };

    public Option<string?> FailOn { get; } = new("--fail-on")
    {
        Description = "Exit with code 1 when a cause of this severity or worse is found: info, warning, error or critical.",
    };

    public Option<string?> Out { get; } = new("--out", "-o")
    {
        Description = "Write the report to this file instead of standard output (written atomically).",
    };

    public Option<bool> Force { get; } = new("--force")
    {
        Description = "Allow --out to replace an existing file.",
    };

    public Option<bool> Append { get; } = new("--append")
    {
        Description = "With --format csv and --out: add rows to the existing file without repeating the header.",
    };

    public Option<bool> NoRedact { get; } = new("--no-redact")
    {
        Description = "Keep passwords, tokens, JWTs, nkey seeds and credentials in the report (they are removed by default).",
    };

    public Option<bool> RedactIps { get; } = new("--redact-ips")
    {
        Description = "Also mask IP addresses (the same address gets the same mask).",
    };

    public Option<int?> MaxExamples { get; } = new("--max-examples")
    {
        Description = "Keep at most this many evidence lines per cause in the report.",
    };

    public Option<bool> Details { get; } = new("--details")
    {
        Description = "Text report: everything (all evidence, the whole diagnosis, every fix) instead of one screen.",
    };

    public ReportOptions()
    {
        Format.AcceptOnlyFromAmong("text", "json", "jsonl", "markdown", "md", "html", "csv", "prometheus");
        FailOn.AcceptOnlyFromAmong("info", "warning", "error", "critical");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Format, FailOn, Out, Force, Append, NoRedact, RedactIps, MaxExamples, Details })
            command.Options.Add(option);
    }

    /// <summary>The report part of the settings; the command adds what is its own.</summary>
    public AnalyzeSettings Settings(ParseResult parse) => new()
    {
        Format = parse.GetValue(Format)!,
        FailOn = parse.GetValue(FailOn),
        OutPath = parse.GetValue(Out),
        Force = parse.GetValue(Force),
        Append = parse.GetValue(Append),
        Redact = !parse.GetValue(NoRedact),
        RedactAddresses = parse.GetValue(RedactIps),
        Details = parse.GetValue(Details),
        CommandLine = string.Join(' ', new[] { "logtriage" }.Concat(parse.Tokens.Select(t => t.Value.Contains(' ') ? $"'{t.Value}'" : t.Value))),
        MaxExamples = parse.GetValue(MaxExamples) is { } max
            ? max >= 1 ? max : throw new UsageException("--max-examples must be 1 or more")
            : int.MaxValue,
    };

    /// <summary>Inputs take any token, so an option the command does not know would be read as a file name.</summary>
    public static void RejectUnknownOptions(Argument<string[]> inputs) =>
        inputs.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-')
                    result.AddError($"unknown option '{token.Value}'");
        });
}
