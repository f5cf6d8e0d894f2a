using System.CommandLine;
using LogTriage.Fleet;
using LogTriage.Report;
using LogTriage.Report.Redaction;

namespace LogTriage.Cli;

/// <summary>
/// <c>logtriage fleet report --nats URL</c>: reads the signal stream the workers wrote, to its
/// end, and reasons over it with the same rules as <c>analyze</c>, into the same report, formats
/// and exit codes.
/// </summary>
public static class FleetCommand
{
    public static Command Create(Terminal terminal)
    {
        var fleet = new FleetOptions(logStream: false, signalStream: true);
        var report = new ReportOptions();
        var common = new CommonOptions();
        var reportCommand = new Command("report", "Report the likely causes across every shipped log, from the signals the workers published.");
        fleet.AddTo(reportCommand);
        report.AddTo(reportCommand);
        common.AddTo(reportCommand);
        reportCommand.SetAction(async (parse, cancel) =>
        {
            var rules = common.LoadRules(parse, terminal.Error);
            var url = fleet.Url(parse);
            var names = fleet.Names(parse);
            IReadOnlyList<Input.InputSource> sources;
            await using (var reader = new FleetReader(url, names))
                sources = await reader.ReadAsync(cancel);
            if (sources.Count == 0)
                throw new UsageException($"the signal stream on {url} is empty: ship logs and run workers first");
            var settings = report.Settings(parse) with { Quiet = true };
            AnalysisResult? analysed = null;
            var code = new AnalyzeRunner(terminal).Run(rules, sources, [url], settings, (result, _) => analysed = result);
            // The findings also go to the fleet's key-value bucket, per cause and server, secrets
            // removed whatever the report's own redaction options.
            var findings = new ReportBuilder(ToolVersion.Current, new ReportRedactor(new RedactionOptions(Secrets: true, MaskAddresses: false)).Redact)
                .Build(analysed!, DateTimeOffset.UtcNow);
            var kept = await new FleetFindings(url, names).PublishAsync(findings, cancel);
            terminal.Error.WriteLine($"logtriage: {kept} findings kept in the {names.Bucket} bucket (per cause and server)");
            return code;
        });

        var command = new Command("fleet", "The fleet's view: causes across every server and client whose logs were shipped to JetStream.");
        command.Subcommands.Add(reportCommand);
        command.Subcommands.Add(Watch(terminal));
        return command;
    }

    /// <summary>
    /// <c>fleet watch</c>: the live view. Every <c>--every</c> it reads what reached the signal stream
    /// since the last time (one connection and consumer for the whole watch), reasons again over all
    /// the signals read so far (they are few: the workers forward a tiny share of the lines), keeps
    /// the findings in the bucket, and prints one line per cause that is new or changed, until
    /// SIGTERM or Ctrl-C.
    /// </summary>
    private static Command Watch(Terminal terminal)
    {
        var fleet = new FleetOptions(logStream: false, signalStream: true);
        var every = new Option<string>("--every") { Description = "How often to read the signal stream again: 10s, 1m.", DefaultValueFactory = _ => "30s" };
        var common = new CommonOptions();
        var command = new Command("watch", "Keep watching the fleet's signals: print each cause when it appears or changes, and keep the findings in the key-value bucket.");
        fleet.AddTo(command);
        command.Options.Add(every);
        common.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            var rules = common.LoadRules(parse, terminal.Error);
            var url = fleet.Url(parse);
            var names = fleet.Names(parse);
            var interval = FleetOptions.Duration(parse.GetValue(every)!, "--every");
            using var stop = new StopSignal(cancel);
            var analyzer = new LogAnalyzer(rules);
            await using var reader = new FleetReader(url, names);
            var builder = new ReportBuilder(ToolVersion.Current, new ReportRedactor(new RedactionOptions(Secrets: true, MaskAddresses: false)).Redact);
            var shown = new Dictionary<string, (string Severity, long Count)>(StringComparer.Ordinal);
            try
            {
                while (!stop.Token.IsCancellationRequested)
                {
                    var sources = await reader.ReadAsync(stop.Token, missingIsEmpty: true);
                    if (sources.Count > 0)
                    {
                        var report = builder.Build(analyzer.Analyze(sources), DateTimeOffset.UtcNow);
                        await new FleetFindings(url, names).PublishAsync(report, stop.Token);
                        foreach (var cause in report.Causes)
                        {
                            if (shown.TryGetValue(cause.Cause, out var before) && before == (cause.Severity, cause.Count))
                                continue;
                            shown[cause.Cause] = (cause.Severity, cause.Count);
                            terminal.Out.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {cause.Severity.ToUpperInvariant()} {cause.Title} ({cause.Cause}): {cause.Count} signal(s), confidence {cause.Confidence:0.00}");
                        }
                        terminal.Out.Flush();
                    }
                    await Task.Delay(interval, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
            {
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
