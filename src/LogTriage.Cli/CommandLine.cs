using System.CommandLine;
using LogTriage.Rules;

namespace LogTriage.Cli;

/// <summary>
/// The <c>logtriage</c> command line (System.CommandLine). Every failure the user can cause ends
/// here as one line on stderr and exit code 2, never a stack trace.
/// </summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args, Terminal terminal)
    {
        // Named for the command users type, not for the assembly that happens to implement it.
        var root = new Command("logtriage", "LogTriage: finds the likely causes of NATS client disconnects in NATS server and client logs.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(AnalyzeCommand.Create(terminal));
        root.Subcommands.Add(RulesCommand.Create(terminal));
        root.Subcommands.Add(ProbeCommand.Create(terminal));
        root.Subcommands.Add(ScanCommand.Create(terminal));
        root.Subcommands.Add(CheckCommand.Create(terminal));
        root.Subcommands.Add(ShipCommand.Create(terminal));
        root.Subcommands.Add(WorkerCommand.Create(terminal));
        root.Subcommands.Add(FleetCommand.Create(terminal));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            terminal.Error.WriteLine($"logtriage: {UsageError(root, parse, args)} (see logtriage --help)");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = terminal.Out,
                Error = terminal.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException e)
        {
            terminal.Error.WriteLine($"logtriage: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (LogTriage.Fleet.FleetException e)
        {
            terminal.Error.WriteLine($"logtriage: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (NATS.Client.JetStream.NatsJSApiException e)
        {
            terminal.Error.WriteLine($"logtriage: JetStream refused the request: {e.Error.Description} (error {e.Error.ErrCode})");
            return ExitCodes.Usage;
        }
        catch (NATS.Client.Core.NatsException e)
        {
            terminal.Error.WriteLine($"logtriage: NATS: {e.GetBaseException().Message}");
            return ExitCodes.Usage;
        }
        catch (RuleValidationException e)
        {
            foreach (var error in e.Errors)
                terminal.Error.WriteLine($"logtriage: invalid rules: {error}");
            return ExitCodes.Usage;
        }
        catch (IOException e)
        {
            terminal.Error.WriteLine($"logtriage: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (UnauthorizedAccessException e)
        {
            terminal.Error.WriteLine($"logtriage: {e.Message}");
            return ExitCodes.Usage;
        }
    }
    /// <summary>
    /// One line, whatever System.CommandLine said, with a "did you mean" for a mistyped command or option.
    /// </summary>
    private static string UsageError(Command root, ParseResult parse, string[] args)
    {
        var commandNames = root.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name)).ToList();
        if (args.Length > 0 && !args[0].StartsWith('-') && !commandNames.Contains(args[0]))
        {
            var nearest = NearestName.Find(args[0], commandNames);
            return nearest is null
                ? $"unknown command '{args[0]}'; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}"
                : $"unknown command '{args[0]}'; did you mean '{nearest}'?";
        }

        var command = parse.CommandResult.Command;
        if (command != root && command.Subcommands.Count > 0)
        {
            var names = command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name)).ToList();
            var typed = args.SkipWhile(a => a != command.Name).Skip(1).FirstOrDefault(a => !a.StartsWith('-'));
            if (typed is not null && !names.Contains(typed) && NearestName.Find(typed, names) is { } sub)
                return $"unknown command '{command.Name} {typed}'; did you mean '{command.Name} {sub}'?";
            if (typed is null || !names.Contains(typed))
                return $"'{command.Name}' needs one of: {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
        }
        var optionNames = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--")).ToList();
        var unknownOption = args.Select(a => a.Split('=')[0]).FirstOrDefault(a => a.StartsWith("--") && a != "--help" && !optionNames.Contains(a));
        if (unknownOption is not null && NearestName.Find(unknownOption, optionNames) is { } option)
            return $"unknown option '{unknownOption}' for '{command.Name}'; did you mean '{option}'?";
        if (args.Length == 0)
            return $"no command given; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}";

        // System.CommandLine lists allowed values one per line; a usage error is one line.
        return string.Join(' ', parse.Errors[0].Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()));
    }
}
