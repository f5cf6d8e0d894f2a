using Spectre.Console;

namespace LogTriage.Cli;

/// <summary>
/// A progress bar on stderr (Spectre.Console) for inputs that take more than a moment: bytes read
/// of the total, and the rate. Only on a terminal: nothing of it when stderr is redirected (cron,
/// CI, a pipe into a file) or with <c>--quiet</c>.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Smaller inputs finish before a bar would be worth drawing.</summary>
    private const long MinimumBytes = 64L << 20;

    public static bool Wanted(bool quiet, long? totalBytes) =>
        !quiet && !Console.IsErrorRedirected && totalBytes is > MinimumBytes;

    /// <summary>Runs <paramref name="work"/> on another thread while the bar follows <paramref name="bytesRead"/>.</summary>
    public static T Run<T>(Func<T> work, Func<long> bytesRead, long totalBytes)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("reading logs", maxValue: totalBytes);
                var running = Task.Run(work);
                while (!running.Wait(TimeSpan.FromMilliseconds(100)))
                    task.Value = Math.Min(bytesRead(), totalBytes);
                task.Value = totalBytes;
                result = running.GetAwaiter().GetResult();
            });
        return result;
    }
}
