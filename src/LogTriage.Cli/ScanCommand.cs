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
            var rules = common.LoadRules(parse);
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
            var identities = resolution.Sources.ToDictionary(s => s.Name, s => FileIdentity.Of(s.Name));
            var sources = resolution.Sources.Select(s => Resume(s, identities[s.Name], scanState)).ToList();
            if (sources.Count == 0)
                throw new UsageException("no readable input");

            var settings = report.Settings(parse) with { Quiet = true };
            return new AnalyzeRunner(terminal).Run(rules, sources, [.. arguments, statePath], settings, (result, written) =>
            {
                var now = DateTimeOffset.UtcNow;
                foreach (var (source, stats) in sources.Zip(result.Inputs))
                {
                    if (stats.Error is not null)
                        continue;
                    // Identity again: a file that had no complete first line at the start may have one now.
                    scanState.Record(source.Name, FileIdentity.Of(source.Name), source.SkipBytes + stats.ConsumedBytes,
                        source.FirstLine - 1 + stats.Lines, now);
                }
                scanState.Forget(now - ForgetAfter);
                scanState.Save(statePath);
                terminal.Error.WriteLine(Summary(sources, result, written));
            });
        });
        return command;
    }

    /// <summary>Reads a file from where the last scan of the same file stopped; from the start if it is new or was truncated.</summary>
    private static InputSource Resume(InputSource source, FileIdentity identity, ScanState state)
    {
        var previous = state.Find(identity);
        var resume = previous is not null && (source.Length is not { } length || IsCompressed(source.Name) || length >= previous.Offset);
        return source with
        {
            SkipBytes = resume ? previous!.Offset : 0,
            FirstLine = resume ? previous!.Lines + 1 : 1,
            CompleteLinesOnly = true,
        };
    }

    private static bool IsCompressed(string path)
    {
        using var file = File.OpenRead(path);
        return file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
    }

    private static string Summary(IReadOnlyList<InputSource> sources, AnalysisResult result, CauseReport report)
    {
        var lines = result.Inputs.Sum(i => i.Lines);
        var causes = report.Causes.Count == 0 ? "no cause" : string.Join(", ", report.Causes.Select(c => $"{c.Cause} ({c.Severity})"));
        return $"logtriage scan: {sources.Count} file(s), {lines} new line(s), {causes}";
    }
}
