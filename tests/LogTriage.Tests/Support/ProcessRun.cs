using System.Diagnostics;

namespace LogTriage.Tests.Support;

/// <summary>Runs a program (dotnet, a published build of the tool) to its end, capturing what it writes.</summary>
public sealed record ProcessRun(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output, and standard error after it: what a failed assertion should show.</summary>
    public string Output => Out + Error;

    public static ProcessRun Of(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan? limit = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', arguments)} did not finish in time");
        }
        return new ProcessRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
