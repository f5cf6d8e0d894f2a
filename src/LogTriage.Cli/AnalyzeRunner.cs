using System.Runtime.InteropServices;
using LogTriage.Input;
using LogTriage.Report;
using LogTriage.Report.Redaction;
using LogTriage.Rules;

namespace LogTriage.Cli;

/// <summary>
/// Runs one analysis for the command line: live lines while it reads when asked, the full report
/// at the end of input, or at once on Ctrl-C / SIGTERM (an endless pipe never ends by itself),
/// and the exit code of the contract.
/// </summary>
public sealed class AnalyzeRunner(Terminal terminal)
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(250);

    /// <param name="reported">Called once the report is written, with what it was made from (a scan then saves its state).</param>
    public int Run(RuleSet rules, IReadOnlyList<InputSource> sources, IReadOnlyList<string> arguments, AnalyzeSettings settings,
        Action<AnalysisResult, CauseReport>? reported = null)
    {
        var renderer = ReportRenderers.Find(settings, terminal);
        if (settings.Append && (settings.Format != "csv" || settings.OutPath is null))
            throw new UsageException("--append needs --format csv and --out FILE");
        var analyzer = new LogAnalyzer(rules);
        var live = settings.Live && !settings.Quiet
            // Live lines go where they do not break a one-document output.
            ? new LiveReporter(settings.Format is "text" or "jsonl" && settings.OutPath is null ? terminal.Out : terminal.Error,
                settings.Format == "jsonl", new ReportRedactor(settings.Redaction).Redact)
            : null;

        AnalysisRun? run = null;
        LiveUpdates? updates = null;
        var finished = 0;
        int Finish(AnalysisResult result)
        {
            if (Interlocked.Exchange(ref finished, 1) == 1)
                return ExitCodes.Success;
            updates?.Dispose();
            return Report(result, renderer, sources, arguments, settings, reported, rules.ContentHash);
        }

        using var interrupt = OnInterrupt(() =>
        {
            // An endless pipe cannot be cancelled mid-read: report what was seen and leave.
            if (run is not null)
            {
                var code = Finish(run.Snapshot());
                terminal.Out.Flush();
                Environment.Exit(code);
            }
        });

        AnalysisResult result;
        try
        {
            var options = new AnalysisOptions
            {
                InputFormat = settings.InputFormat,
                Window = settings.Window,
                // The page a ticket gets shows the lines around each evidence line.
                EvidenceContextLines = settings.Format == "html" ? 2 : 0,
                Started = r =>
                {
                    run = r;
                    if (live is not null)
                        updates = new LiveUpdates(r, live.Update, LiveInterval);
                },
            };
            var total = sources.All(s => s.Length is not null) ? sources.Sum(s => s.Length!.Value) : (long?)null;
            result = ProgressDisplay.Wanted(settings.Quiet || live is not null, total)
                ? ProgressDisplay.Run(() => analyzer.Analyze(sources, options), () => run?.Inputs.Sum(i => i.Bytes) ?? 0, total!.Value)
                : analyzer.Analyze(sources, options);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        updates?.Check();
        return Finish(result);
    }

    private int Report(AnalysisResult result, IReportRenderer renderer, IReadOnlyList<InputSource> sources, IReadOnlyList<string> arguments, AnalyzeSettings settings,
        Action<AnalysisResult, CauseReport>? reported, string rulesHash)
    {
        foreach (var input in result.Inputs.Where(i => i.Error is not null))
            terminal.Error.WriteLine($"logtriage: {input.Name}: {input.Error}");
        if (result.Inputs.All(i => i.Error is not null && i.Lines == 0))
            throw new UsageException("none of the inputs could be read");

        // A redactor per report: address masks are numbered within one report.
        var redactor = new ReportRedactor(settings.Redaction);
        var report = new ReportBuilder(ToolVersion.Current, redactor.Redact, settings.MaxExamples).Build(result, DateTimeOffset.UtcNow) with
        {
            RuleSetHash = rulesHash,
            CommandLine = redactor.Redact(settings.CommandLine),
            // Read last: the command line's secrets count too.
            Redactions = settings.Redact ? redactor.Redactions : null,
        };
        if (settings.OutPath is { } path && settings.Append)
            CsvAppend.Write(path, arguments, report);
        else if (settings.OutPath is { } outPath)
            OutputFile.Write(outPath, settings.Force, arguments, w => renderer.Render(report, w));
        else
            renderer.Render(report, terminal.Out);
        terminal.Out.Flush();
        reported?.Invoke(result, report);

        return settings.FailOn is { } threshold && report.Causes.Any(c => AtLeast(c.Severity, threshold))
            ? ExitCodes.Findings
            : ExitCodes.Success;
    }

    private static bool AtLeast(string severity, string threshold) =>
        Enum.Parse<Severity>(severity, ignoreCase: true) >= Enum.Parse<Severity>(threshold, ignoreCase: true);

    private static IDisposable OnInterrupt(Action handler)
    {
        void Handle(PosixSignalContext context)
        {
            context.Cancel = true;
            handler();
        }
        return new Registrations([
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ]);
    }

    private sealed class Registrations(IReadOnlyList<IDisposable> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
                item.Dispose();
        }
    }
}
