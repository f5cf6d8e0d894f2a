using System.CommandLine;
using LogTriage.Input;
using LogTriage.Input.Scanning;
using LogTriage.Report;

namespace LogTriage.Cli;

/// <summary>
/// <c>logtriage scan PATH... --state FILE</c>: a scheduled scan. Remembers per file (by identity,
/// so rotation and truncation are handled) how far it read, and reports only what is new since the
/// last run; a one-line summary on stderr; <c>--fail-on</c> for cron and CI.
/// </summary>
public static class ScanCommand
{
    /// <summary>Files not seen for this long are forgotten (rotated away and deleted).</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(30);

    public static Command Create(Terminal terminal)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Log files, directories (read recursively) or globs to scan.",
            Arity = ArgumentArity.OneOrMore,
        };
        var state = new Option<string>("--state")
        {
            Description = "The file where the scan remembers how far it read each log (created if missing).",
            Required = true,
        };
        var report = new ReportOptions();
        var common = new CommonOptions();

        var command = new Command("scan", "Scan logs for what is new since the last scan (for cron and CI).");
        command.Arguments.Add(paths);
        command.Options.Add(state);
        report.AddTo(command);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            var rules = common.LoadRules(parse, terminal.Error);
            var statePath = parse.GetValue(state)!;
            var arguments = parse.GetValue(paths)!;
            if (arguments.Contains(InputSource.StandardInputName))
                throw new UsageException("scan reads files; use analyze for standard input");
            ScanState scanState;
            try
            {
                scanState = ScanState.Load(statePath);
            }
            catch (InvalidDataException e)
            {
                throw new UsageException(e.Message);
            }

            var resolution = new InputResolver(() => Stream.Null).Resolve(arguments);
            foreach (var error in resolution.Errors)
                terminal.Error.WriteLine($"logtriage: {error}");
            var sources = scanState.Resume(resolution.Sources);
            if (sources.Count == 0)
                throw new UsageException("no readable input");

            var settings = report.Settings(parse) with { Quiet = true };
            return new AnalyzeRunner(terminal).Run(rules, sources, [.. arguments, statePath], settings, (result, written) =>
            {
                var now = DateTimeOffset.UtcNow;
                scanState.Advance(sources, result.Inputs, now);
                scanState.Forget(now - ForgetAfter);
                scanState.Save(statePath);
                terminal.Error.WriteLine(Summary(sources, result, written));
            });
        });
        return command;
    }

    private static string Summary(IReadOnlyList<InputSource> sources, AnalysisResult result, CauseReport report)
    {
        var lines = result.Inputs.Sum(i => i.Lines);
        var causes = report.Causes.Count == 0 ? "no cause" : string.Join(", ", report.Causes.Select(c => $"{c.Cause} ({c.Severity})"));
        return $"logtriage scan: {sources.Count} file(s), {lines} new line(s), {causes}";
    }
}
