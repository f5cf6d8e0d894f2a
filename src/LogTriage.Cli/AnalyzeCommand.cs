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
            Arity = ArgumentArity.ZeroOrMore,
        };
        var follow = new Option<string[]>("--follow", "-F")
        {
            Description = "Follow this file as it grows, across rotation and truncation (like tail -F); repeatable. Ends on Ctrl-C or SIGTERM.",
            DefaultValueFactory = _ => [],
        };
        var live = new Option<bool>("--live")
        {
            Description = "Print each cause the moment it is confirmed (on by default for standard input and --follow).",
        };
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "No live lines.",
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
            Description = "Report format: text, json, jsonl (live causes, then the report, one JSON object per line), markdown, html (one self-contained page) or csv (one row per cause per input).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "jsonl", "markdown", "md", "html", "csv");
        var noRedact = new Option<bool>("--no-redact")
        {
            Description = "Keep passwords, tokens, JWTs, nkey seeds and credentials in the report (they are removed by default).",
        };
        var redactIps = new Option<bool>("--redact-ips")
        {
            Description = "Also mask IP addresses (the same address gets the same mask).",
        };
        var append = new Option<bool>("--append")
        {
            Description = "With --format csv and --out: add rows to the existing file without repeating the header.",
        };
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
        command.Options.Add(follow);
        command.Options.Add(live);
        command.Options.Add(quiet);
        command.Options.Add(noRedact);
        command.Options.Add(redactIps);
        command.Options.Add(append);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var rules = common.LoadRules(parse);
            var arguments = parse.GetValue(inputs) ?? [];
            var followed = parse.GetValue(follow) ?? [];
            if (arguments.Length == 0 && followed.Length == 0)
                throw new UsageException("no input: give log files, - for standard input, or --follow FILE");

            var resolution = new InputResolver(terminal.StandardInput).Resolve(arguments);
            foreach (var error in resolution.Errors)
                terminal.Error.WriteLine($"logtriage: {error}");
            using var stopFollowing = new CancellationTokenSource();
            var sources = resolution.Sources.Concat(followed.Select(f => FollowedFile(f, stopFollowing.Token))).ToList();
            if (sources.Count == 0)
                throw new UsageException("no readable input");

            var now = DateTimeOffset.UtcNow;
            var settings = new AnalyzeSettings
            {
                Format = parse.GetValue(format)!,
                FailOn = parse.GetValue(failOn),
                InputFormat = parse.GetValue(inputFormat),
                Window = new TimeWindow(Time(parse.GetValue(since), "--since", now), Time(parse.GetValue(until), "--until", now)),
                OutPath = parse.GetValue(output),
                Force = parse.GetValue(force),
                Live = parse.GetValue(live) || followed.Length > 0 || arguments.Contains(InputSource.StandardInputName),
                Quiet = parse.GetValue(quiet),
                Redact = !parse.GetValue(noRedact),
                RedactAddresses = parse.GetValue(redactIps),
                Append = parse.GetValue(append),
            };
            return new AnalyzeRunner(terminal).Run(rules, sources, [.. arguments, .. followed], settings);
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

    private static InputSource FollowedFile(string path, CancellationToken stop)
    {
        if (Directory.Exists(path))
            throw new UsageException($"--follow {path}: is a directory; follow a file");
        return new InputSource(path, () => new FollowStream(path, TimeSpan.FromMilliseconds(200), stop), null);
    }
}
