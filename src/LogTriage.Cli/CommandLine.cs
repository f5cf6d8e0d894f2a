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

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            terminal.Error.WriteLine($"logtriage: {parse.Errors[0].Message} (see logtriage --help)");
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
}
