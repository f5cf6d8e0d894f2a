using LogTriage.Parsing.Monitoring;
using System.CommandLine;
using LogTriage.Input;
using LogTriage.Input.Monitoring;
using LogTriage.Rules;

namespace LogTriage.Cli;

/// <summary>
/// <c>logtriage probe URL [LOGS...]</c>: reads a nats-server monitoring port (/varz sampled over
/// time, /connz?state=closed, /jsz, /healthz), turns what it reads into monitor events, and
/// analyses them together with any logs given, with the same report and exit codes as
/// <c>analyze</c>. The closed connections' reasons are the server's own, so the probe names
/// causes that an INFO-level log never shows.
/// </summary>
public static class ProbeCommand
{
    public static Command Create(Terminal terminal)
    {
        var url = new Argument<string>("url")
        {
            Description = "The server's monitoring port, e.g. http://127.0.0.1:8222 (user:password@ for basic auth; the password is never printed).",
        };
        var logs = new Argument<string[]>("logs")
        {
            Description = "Log files, directories or globs to analyse together with what the probe reads.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        ReportOptions.RejectUnknownOptions(logs);
        var samples = new Option<int>("--samples")
        {
            Description = "Read /varz this many times, --interval apart, to see CPU, memory and slow-consumer trends.",
            DefaultValueFactory = _ => 1,
        };
        var interval = new Option<string>("--interval")
        {
            Description = "Time between /varz samples: 500ms, 2s, 1m.",
            DefaultValueFactory = _ => "2s",
        };
        var timeout = new Option<string>("--timeout")
        {
            Description = "Give up on a request that has no answer within this time.",
            DefaultValueFactory = _ => "5s",
        };
        var save = new Option<string?>("--save")
        {
            Description = "Also write the probe's readings to this file, as monitor lines that `logtriage analyze` reads later.",
        };
        var report = new ReportOptions();
        var common = new CommonOptions();

        var command = new Command("probe", "Read a NATS server's monitoring endpoints (and optional logs) and report the likely causes of client disconnects.");
        command.Arguments.Add(url);
        command.Arguments.Add(logs);
        command.Options.Add(samples);
        command.Options.Add(interval);
        command.Options.Add(timeout);
        command.Options.Add(save);
        report.AddTo(command);
        common.AddTo(command);

        command.SetAction(async (parse, cancel) =>
        {
            var rules = common.LoadRules(parse, terminal.Error);
            if (!MonitoringUrl.TryParse(parse.GetValue(url)!, out var target, out var error))
                throw new UsageException(error);
            var sampleCount = parse.GetValue(samples);
            if (sampleCount < 1)
                throw new UsageException("--samples must be at least 1");
            var every = Duration(parse.GetValue(interval)!, "--interval");
            var deadline = Duration(parse.GetValue(timeout)!, "--timeout");
            if (deadline <= TimeSpan.Zero)
                throw new UsageException("--timeout must be more than 0");
            var arguments = parse.GetValue(logs) ?? [];
            if (arguments.Contains(InputSource.StandardInputName))
                throw new UsageException("probe reads no standard input; give log files");

            var resolution = new InputResolver(terminal.StandardInput).Resolve(arguments);
            foreach (var problem in resolution.Errors)
                terminal.Error.WriteLine($"logtriage: {problem}");

            MonitorReadings readings;
            using (var client = new MonitoringClient(target!, deadline))
            {
                try
                {
                    readings = await new MonitorProbe(client).ReadAsync(sampleCount, every, cancel);
                }
                catch (MonitoringException e)
                {
                    throw new UsageException(e.Message);
                }
            }

            var events = MonitorEvents.From(readings, target!.Display);
            if (parse.GetValue(save) is { } savePath)
                OutputFile.Write(savePath, parse.GetValue(report.Force), arguments, w => w.Write(MonitorEventLine.WriteAll(events)));

            var sources = new List<InputSource> { MonitorInput.From(target.Display, events) };
            sources.AddRange(resolution.Sources);
            var settings = report.Settings(parse);
            return new AnalyzeRunner(terminal).Run(rules, sources, [.. arguments, .. parse.GetValue(save) is { } s ? new[] { s } : []], settings);
        });
        return command;
    }

    private static TimeSpan Duration(string text, string option) =>
        DurationText.TryParse(text, out var duration)
            ? duration
            : throw new UsageException($"{option}: '{text}' is not a duration (500ms, 2s, 1m)");
}
