using System.CommandLine;
using LogTriage.Input;

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
        ReportOptions.RejectUnknownOptions(inputs);
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
            Description = "No live lines and no progress bar.",
        };
        var inputFormat = new Option<string?>("--input-format")
        {
            Description = "Read every input as this format instead of detecting it: nats-server, clef, mel-console, json-lines, logfmt, monitor, wrapped or text.",
        };
        var since = new Option<string?>("--since")
        {
            Description = "Only events at or after this time: absolute (2026-11-25T10:00:00Z, read as UTC without a zone) or relative to now (30m, 2h, 1d).",
        };
        var until = new Option<string?>("--until")
        {
            Description = "Only events at or before this time, in the same forms as --since.",
        };
        var report = new ReportOptions();
        var common = new CommonOptions();

        var command = new Command("analyze", "Analyse logs and report the likely causes of client disconnects, ranked.");
        command.Aliases.Add("analyse");
        command.Arguments.Add(inputs);
        foreach (var option in new Option[] { follow, live, quiet, inputFormat, since, until })
            command.Options.Add(option);
        report.AddTo(command);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var rules = common.LoadRules(parse, terminal.Error);
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
            var settings = report.Settings(parse) with
            {
                InputFormat = parse.GetValue(inputFormat),
                Window = Window(Time(parse.GetValue(since), "--since", now), Time(parse.GetValue(until), "--until", now)),
                Live = parse.GetValue(live) || followed.Length > 0 || arguments.Contains(InputSource.StandardInputName),
                Quiet = parse.GetValue(quiet),
            };
            return new AnalyzeRunner(terminal).Run(rules, sources, [.. arguments, .. followed], settings);
        });
        return command;
    }

    private static TimeWindow Window(DateTimeOffset? since, DateTimeOffset? until) =>
        since > until
            ? throw new UsageException($"--since ({since:u}) is after --until ({until:u}): the window is empty")
            : new TimeWindow(since, until);

    private static DateTimeOffset? Time(string? text, string option, DateTimeOffset now)
    {
        if (text is null)
            return null;
        if (TimeWindow.TryParseTime(text, now, out var time))
            return time;
        throw new UsageException($"{option}: '{text}' is not a time (2026-11-25T10:00:00Z) or a duration (30m, 2h, 1d)");
    }

    internal static InputSource FollowedFile(string path, CancellationToken stop)
    {
        if (Directory.Exists(path))
            throw new UsageException($"--follow {path}: is a directory; follow a file");
        return new InputSource(path, () => new FollowStream(path, TimeSpan.FromMilliseconds(200), stop), null);
    }
}
