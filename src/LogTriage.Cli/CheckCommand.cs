using System.CommandLine;
using LogTriage.Input;
using LogTriage.Report;
using LogTriage.Report.Redaction;
using LogTriage.Rules;

namespace LogTriage.Cli;

/// <summary>
/// <c>logtriage check INPUT...</c>: the monitoring-plugin convention (Nagios, Icinga, Sensu, and
/// <c>nats server check</c>): one status line with performance data, exit 0 OK, 1 WARNING,
/// 2 CRITICAL, 3 UNKNOWN (the logs could not be read or the rules did not load).
/// </summary>
public static class CheckCommand
{
    public const int Ok = 0, Warning = 1, Critical = 2, Unknown = 3;

    private static readonly Severity[] Severities = [Severity.Critical, Severity.Error, Severity.Warning, Severity.Info];

    public static Command Create(Terminal terminal)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Log files, directories or globs to check (.gz is read transparently).",
            Arity = ArgumentArity.OneOrMore,
        };
        var warningAt = new Option<string>("--warning-at")
        {
            Description = "The lowest cause severity that makes the check WARNING: info, warning, error or critical.",
            DefaultValueFactory = _ => "warning",
        };
        var criticalAt = new Option<string>("--critical-at")
        {
            Description = "The lowest cause severity that makes the check CRITICAL.",
            DefaultValueFactory = _ => "error",
        };
        var minSignals = new Option<int>("--min-signals")
        {
            Description = "A cause counts only with at least this many signals (ignore one-off lines).",
            DefaultValueFactory = _ => 1,
        };
        warningAt.AcceptOnlyFromAmong("info", "warning", "error", "critical");
        criticalAt.AcceptOnlyFromAmong("info", "warning", "error", "critical");
        var common = new CommonOptions();

        var command = new Command("check", "Check logs as a monitoring plugin: one status line with performance data, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.");
        command.Arguments.Add(inputs);
        command.Options.Add(warningAt);
        command.Options.Add(criticalAt);
        command.Options.Add(minSignals);
        common.AddTo(command);

        command.SetAction(parse =>
        {
            try
            {
                var rules = common.LoadRules(parse, terminal.Error);
                var resolution = new InputResolver(terminal.StandardInput).Resolve(parse.GetValue(inputs)!);
                if (resolution.Sources.Count == 0)
                    throw new UsageException(resolution.Errors.FirstOrDefault() ?? "no readable input");
                var result = new LogAnalyzer(rules).Analyze(resolution.Sources);
                if (result.Inputs.All(i => i.Error is not null && i.Lines == 0))
                    throw new UsageException("none of the inputs could be read");
                var report = new ReportBuilder(ToolVersion.Current, new ReportRedactor(new RedactionOptions(Secrets: true, MaskAddresses: false)).Redact).Build(result, DateTimeOffset.UtcNow);
                var (code, line) = Status(report, Parse(parse.GetValue(warningAt)!), Parse(parse.GetValue(criticalAt)!), parse.GetValue(minSignals),
                    resolution.Errors.Count + result.Inputs.Count(i => i.Error is not null));
                terminal.Out.WriteLine(line);
                return code;
            }
            catch (Exception e) when (e is UsageException or IOException or UnauthorizedAccessException or RuleValidationException)
            {
                var message = e is RuleValidationException invalid ? $"invalid rules: {invalid.Errors[0]}" : e.Message;
                terminal.Out.WriteLine($"LOGTRIAGE UNKNOWN - {message}");
                return Unknown;
            }
        });
        return command;
    }

    private static Severity Parse(string severity) => Enum.Parse<Severity>(severity, ignoreCase: true);

    /// <summary>The status and its one line: the worst counted causes first, then the perf data.</summary>
    public static (int Code, string Line) Status(CauseReport report, Severity warningAt, Severity criticalAt, int minSignals, int unreadable)
    {
        var counted = report.Causes.Concat(report.Context)
            .Where(c => c.Count >= minSignals)
            .Select(c => (Cause: c, Severity: Parse(c.Severity)))
            .OrderByDescending(c => c.Severity).ThenByDescending(c => c.Cause.Confidence)
            .ToList();
        var code = counted.Any(c => c.Severity >= criticalAt) ? Critical
            : counted.Any(c => c.Severity >= warningAt) ? Warning
            : Ok;
        var shown = counted.Where(c => c.Severity >= warningAt).ToList();
        var summary = shown.Count == 0
            ? $"no cause at {warningAt.ToString().ToLowerInvariant()} or above in {report.Inputs.Sum(i => i.Lines)} lines"
            : string.Join("; ", shown.Take(3).Select(c =>
                $"{c.Cause.Cause}: {(c.Severity == Severity.Info ? c.Cause.SignalTitle : c.Cause.Title)} ({c.Cause.Severity}, {c.Cause.Count} signals, confidence {c.Cause.Confidence:0.00})"))
              + (shown.Count > 3 ? $"; {shown.Count - 3} more" : "");
        if (unreadable > 0)
            summary += $"; {unreadable} input(s) not fully readable";
        var perf = string.Join(' ', Severities.Select(s =>
                $"causes_{s.ToString().ToLowerInvariant()}={counted.Count(c => c.Severity == s)};;;0")
            .Append($"signals={counted.Sum(c => c.Cause.Count)};;;0")
            .Append($"lines={report.Inputs.Sum(i => i.Lines)};;;0"));
        var word = code switch { Critical => "CRITICAL", Warning => "WARNING", _ => "OK" };
        return (code, $"LOGTRIAGE {word} - {summary} | {perf}");
    }
}
