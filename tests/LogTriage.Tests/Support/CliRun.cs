using LogTriage.Cli;

namespace LogTriage.Tests.Support;

/// <summary>Runs the real command line in-process, capturing what it writes.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args) => WithInput("", args);

    public static CliRun WithInput(string standardInput, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = new Terminal(() => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(standardInput)), output, error);
        var code = CommandLine.RunAsync(args, terminal).GetAwaiter().GetResult();
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
