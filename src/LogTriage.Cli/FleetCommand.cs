using System.CommandLine;
using LogTriage.Fleet;
using LogTriage.Report;
using LogTriage.Report.Redaction;

namespace LogTriage.Cli;

/// <summary>
/// <c>logtriage fleet report --server URL</c>: reads the signal stream the workers wrote, to its
/// end, and reasons over it with the same rules as <c>analyze</c>, into the same report, formats
/// and exit codes.
/// </summary>
public static class FleetCommand
{
    public static Command Create(Terminal terminal)
    {
        var server = FleetOptions.Server();
        var report = new ReportOptions();
        var common = new CommonOptions();
        var reportCommand = new Command("report", "Report the likely causes across every shipped log, from the signals the workers published.");
        reportCommand.Options.Add(server);
        report.AddTo(reportCommand);
        common.AddTo(reportCommand);
        reportCommand.SetAction(async (parse, cancel) =>
        {
            var rules = common.LoadRules(parse, terminal.Error);
            var url = parse.GetValue(server)!;
            IReadOnlyList<Input.InputSource> sources;
            try
            {
                sources = await new FleetReader(url, new FleetNames()).ReadAsync(cancel);
            }
            catch (FleetException e)
            {
                throw new UsageException(e.Message);
            }
            if (sources.Count == 0)
                throw new UsageException($"the signal stream on {url} is empty: ship logs and run workers first");
            var settings = report.Settings(parse) with { Quiet = true };
            var code = new AnalyzeRunner(terminal).Run(rules, sources, [url], settings);
            // The findings also go to the fleet's key-value bucket, per cause and server, secrets removed.
            var findings = new ReportBuilder(ToolVersion.Current, new ReportRedactor(new RedactionOptions(Secrets: true, MaskAddresses: false)).Redact)
                .Build(new LogAnalyzer(rules).Analyze(sources), DateTimeOffset.UtcNow);
            var kept = await new FleetFindings(url, new FleetNames()).PublishAsync(findings, cancel);
            terminal.Error.WriteLine($"logtriage: {kept} findings kept in the {new FleetNames().Bucket} bucket (per cause and server)");
            return code;
        });

        var command = new Command("fleet", "The fleet's view: causes across every server and client whose logs were shipped to JetStream.");
        command.Subcommands.Add(reportCommand);
        return command;
    }
}
