using System.CommandLine;
using LogTriage.Fleet;
using LogTriage.Input;

namespace LogTriage.Cli;

/// <summary>
/// <c>logtriage ship INPUT... --nats URL</c>: publishes log lines into a JetStream stream, in
/// batches, on <c>logs.&lt;cluster&gt;.&lt;server&gt;.&lt;source&gt;</c>, for a fleet of LogTriage
/// processes to analyse. Running it again over the same files sends nothing twice.
/// </summary>
public static class ShipCommand
{
    public static Command Create(Terminal terminal)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Log files, directories or globs to ship, or - for standard input (.gz is read transparently).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var fleet = new FleetOptions(logStream: true, signalStream: false);
        var cluster = new Option<string>("--cluster") { Description = "The NATS cluster the logs are from (the subject's second token).", DefaultValueFactory = _ => "default" };
        var serverName = new Option<string>("--server-name") { Description = "The server or host the logs are from (third token); default: this machine's name." };
        var source = new Option<string?>("--source") { Description = "The source (fourth token); default: each input's file name." };
        var create = new Option<bool>("--create") { Description = "Create the stream (subjects logs.>) if it does not exist." };
        var window = new Option<string>("--duplicate-window") { Description = "With --create: how long JetStream remembers batch ids, so a shipper restarted within it duplicates nothing.", DefaultValueFactory = _ => "1h" };
        var maxAge = new Option<string?>("--max-age") { Description = "With --create: how long the stream keeps lines (e.g. 7d); default: no limit." };
        var batch = new Option<int>("--batch-kb") { Description = "Publish a batch when it reaches this many KiB of lines.", DefaultValueFactory = _ => 1024 };
        var follow = new Option<string[]>("--follow", "-f") { Description = "Ship this file as it grows, like tail -F (rotation and truncation followed), until SIGTERM or Ctrl-C; repeatable.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var state = new Option<string?>("--state") { Description = "Remember per file how far it was shipped (as scan --state does) and start there next time: rotated files continue, truncated ones start again." };
        var advisories = new Option<bool>("--advisories") { Description = "Instead of files: subscribe to the servers' disconnect and auth-error advisories (system account) and ship them until stopped." };
        var systemUser = new Option<string?>("--system-user") { Description = "With --advisories: a user of the system account." };
        var systemPassword = new Option<string?>("--system-password") { Description = "With --advisories: that user's password." };
        var systemCreds = new Option<string?>("--system-creds") { Description = "With --advisories: a credentials file of the system account, instead of user and password." };

        var command = new Command("ship", "Publish log lines to a NATS JetStream stream, in batches, for a fleet of LogTriage workers.");
        command.Arguments.Add(inputs);
        fleet.AddTo(command);
        foreach (var option in new Option[] { cluster, serverName, source, create, window, maxAge, batch, follow, state, advisories, systemUser, systemPassword, systemCreds })
            command.Options.Add(option);

        command.SetAction(async (parse, cancel) =>
        {
            var options = new ShipOptions(fleet.Url(parse), fleet.Names(parse).LogStream, parse.GetValue(cluster)!, parse.GetValue(serverName) ?? Environment.MachineName)
            {
                Source = parse.GetValue(source),
                Create = parse.GetValue(create),
                DuplicateWindow = FleetOptions.Duration(parse.GetValue(window)!, "--duplicate-window"),
                MaxAge = parse.GetValue(maxAge) is { } age ? FleetOptions.Duration(age, "--max-age") : TimeSpan.Zero,
                BatchBytes = Math.Max(1, parse.GetValue(batch)) * 1024,
            };
            if (parse.GetValue(advisories))
                return await ShipAdvisories(terminal, options, parse.GetValue(systemUser), parse.GetValue(systemPassword), parse.GetValue(systemCreds), cancel);
            var followed = parse.GetValue(follow) ?? [];
            var arguments = parse.GetValue(inputs) ?? [];
            var resolution = new InputResolver(terminal.StandardInput).Resolve(arguments);
            foreach (var error in resolution.Errors)
                terminal.Error.WriteLine($"logtriage: {error}");
            // SIGTERM or Ctrl-C ends the followed files; what was read is still shipped.
            using var stopFollowing = new StopSignal(cancel);
            var sources = resolution.Sources.Concat(followed.Select(f => AnalyzeCommand.FollowedFile(f, stopFollowing.Token))).ToList();
            if (sources.Count == 0)
                throw new UsageException(resolution.Errors.FirstOrDefault() ?? "no input: give log files, - for standard input, --follow FILE or --advisories");
            var statePath = parse.GetValue(state);
            var saved = statePath is null ? null : LoadState(statePath);
            if (saved is not null)
            {
                if (sources.Any(s => s.Name == InputSource.StandardInputName))
                    throw new UsageException("--state remembers files; standard input has no place to resume from");
                sources = [.. saved.Resume(sources)];
            }
            var result = await new LogShipper(options).ShipAsync(sources, CancellationToken.None);
            if (saved is not null)
            {
                saved.Advance(sources, result.Inputs, DateTimeOffset.UtcNow);
                saved.Save(statePath!);
            }
            terminal.Error.WriteLine($"logtriage: shipped {result.Lines} lines in {result.Batches} batches to {options.Stream}"
                + (result.Duplicates > 0 ? $" ({result.Duplicates} batches the stream already had)" : ""));
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> ShipAdvisories(Terminal terminal, ShipOptions options, string? user, string? password, string? creds, CancellationToken cancel)
    {
        if (creds is null && (user is null || password is null))
            throw new UsageException("--advisories needs the system account: --system-user and --system-password, or --system-creds FILE");
        if (creds is not null && !File.Exists(creds))
            throw new UsageException($"--system-creds {creds}: no such file");
        var auth = creds is not null ? new NATS.Client.Core.NatsAuthOpts { CredsFile = creds } : new NATS.Client.Core.NatsAuthOpts { Username = user, Password = password };
        using var stop = new StopSignal(cancel);
        var result = await new AdvisoryShipper(options, auth).RunAsync(stop.Token);
        terminal.Error.WriteLine($"logtriage: shipped {result.Lines} advisories in {result.Batches} batches to {options.Stream}");
        return ExitCodes.Success;
    }

    private static LogTriage.Input.Scanning.ScanState LoadState(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
            Directory.CreateDirectory(directory);
        try
        {
            return LogTriage.Input.Scanning.ScanState.Load(path);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
