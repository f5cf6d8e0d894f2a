using System.CommandLine;
using LogTriage.Input;
using LogTriage.Report;
using LogTriage.Rules;

namespace LogTriage.Cli;

/// <summary><c>logtriage analyze INPUT...</c>: the cause report of some logs.</summary>
public static class AnalyzeCommand
{
    public static Command Create(Terminal terminal)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Log files, directories, globs, or - for standard input (.gz is read transparently).",
            Arity = ArgumentArity.OneOrMore,
        };
        // Inputs take any token, so an option the command does not know would be read as a file name.
        inputs.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-')
                    result.AddError($"unknown option '{token.Value}'");
        });
        var format = new Option<string>("--format", "-f")
        {
            Description = "Report format: text, json or markdown.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "md");
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Exit with code 1 when a cause of this severity or worse is found: info, warning, error or critical.",
        };
        failOn.AcceptOnlyFromAmong("info", "warning", "error", "critical");
        var inputFormat = new Option<string?>("--input-format")
        {
            Description = "Read every input as this format instead of detecting it: nats-server or text.",
        };
        var since = new Option<string?>("--since")
        {
            Description = "Only events at or after this time: absolute (2026-11-25T10:00:00Z, read as UTC without a zone) or relative to now (30m, 2h, 1d).",
        };
        var until = new Option<string?>("--until")
        {
            Description = "Only events at or before this time, in the same forms as --since.",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write the report to this file instead of standard output (written atomically).",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Allow --out to replace an existing file.",
        };
        var common = new CommonOptions();

        var command = new Command("analyze", "Analyse logs and report the likely causes of client disconnects, ranked.");
        command.Arguments.Add(inputs);
        command.Options.Add(format);
        command.Options.Add(failOn);
        command.Options.Add(inputFormat);
        command.Options.Add(since);
        command.Options.Add(until);
        command.Options.Add(output);
        command.Options.Add(force);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var rules = common.LoadRules(parse);
            var renderer = ReportRenderers.Find(parse.GetValue(format)!);
            var arguments = parse.GetValue(inputs)!;

            var resolution = new InputResolver(terminal.StandardInput).Resolve(arguments);
            foreach (var error in resolution.Errors)
                terminal.Error.WriteLine($"logtriage: {error}");
            if (resolution.Sources.Count == 0)
                throw new UsageException("no readable input");

            var analyzer = new LogAnalyzer(rules);
            AnalysisResult result;
            try
            {
                var now = DateTimeOffset.UtcNow;
                var window = new TimeWindow(Time(parse.GetValue(since), "--since", now), Time(parse.GetValue(until), "--until", now));
                result = analyzer.Analyze(resolution.Sources, new AnalysisOptions { InputFormat = parse.GetValue(inputFormat), Window = window });
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            foreach (var input in result.Inputs.Where(i => i.Error is not null))
                terminal.Error.WriteLine($"logtriage: {input.Name}: {input.Error}");
            if (result.Inputs.All(i => i.Error is not null && i.Lines == 0))
                throw new UsageException("none of the inputs could be read");

            var report = new ReportBuilder(ToolVersion.Current).Build(result, DateTimeOffset.UtcNow);
            if (parse.GetValue(output) is { } path)
                OutputFile.Write(path, parse.GetValue(force), arguments, w => renderer.Render(report, w));
            else
                renderer.Render(report, terminal.Out);

            return parse.GetValue(failOn) is { } threshold && report.Causes.Any(c => AtLeast(c.Severity, threshold))
                ? ExitCodes.Findings
                : ExitCodes.Success;
        });
        return command;
    }

    private static DateTimeOffset? Time(string? text, string option, DateTimeOffset now)
    {
        if (text is null)
            return null;
        if (TimeWindow.TryParseTime(text, now, out var time))
            return time;
        throw new UsageException($"{option}: '{text}' is not a time (2026-11-25T10:00:00Z) or a duration (30m, 2h, 1d)");
    }

    private static bool AtLeast(string severity, string threshold) =>
        Enum.Parse<Severity>(severity, ignoreCase: true) >= Enum.Parse<Severity>(threshold, ignoreCase: true);
}
