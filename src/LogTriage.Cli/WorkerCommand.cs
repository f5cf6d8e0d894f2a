using System.CommandLine;
using LogTriage.Fleet;

namespace LogTriage.Cli;

/// <summary>
/// <c>logtriage worker --nats URL --stream NAME</c>: one of a pool of workers sharing a durable consumer on the
/// log stream; each batch's signal lines go to the signal stream before the batch is acknowledged.
/// SIGTERM or Ctrl-C finishes the batch in hand and stops.
/// </summary>
public static class WorkerCommand
{
    public static Command Create(Terminal terminal)
    {
        var fleet = new FleetOptions(logStream: true, signalStream: true);
        var once = new Option<bool>("--once") { Description = "Stop when the log stream is drained (cron), instead of waiting for more." };
        var ackWait = new Option<string>("--ack-wait") { Description = "How long a batch a worker took but did not finish waits before another worker gets it.", DefaultValueFactory = _ => "30s" };
        var common = new CommonOptions();
        var command = new Command("worker", "Analyse shipped log batches from a JetStream stream, one of any number of workers, and publish their signals.");
        fleet.AddTo(command);
        command.Options.Add(once);
        command.Options.Add(ackWait);
        common.AddTo(command);

        command.SetAction(async (parse, cancel) =>
        {
            var rules = common.LoadRules(parse, terminal.Error);
            var wait = FleetOptions.Duration(parse.GetValue(ackWait)!, "--ack-wait");
            using var stop = new StopSignal(cancel);
            var worker = new LogWorker(new LogAnalyzer(rules), fleet.Url(parse), fleet.Names(parse)) { AckWait = wait, StopWhenDrained = parse.GetValue(once) };
            var result = await worker.RunAsync(stop.Token);
            terminal.Error.WriteLine($"logtriage: worker handled {result.Batches} batches ({result.Lines} lines), kept {result.SignalLines} signal lines");
            return ExitCodes.Success;
        });
        return command;
    }
}
