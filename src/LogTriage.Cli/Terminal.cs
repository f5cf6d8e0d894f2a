namespace LogTriage.Cli;

/// <summary>
/// The streams a command reads and writes; the real console, or buffers in tests. A report for a
/// person is cut to <see cref="Width"/> columns and coloured only when <see cref="Colour"/> says so.
/// </summary>
public sealed record Terminal(Func<Stream> StandardInput, TextWriter Out, TextWriter Error)
{
    public int Width { get; init; } = 100;

    public bool Colour { get; init; }

    /// <summary>The process's console: its width when it is one, colour unless piped or NO_COLOR is set.</summary>
    public static Terminal FromConsole()
    {
        var interactive = !Console.IsOutputRedirected;
        // Piped, there is no window to fit; COLUMNS says how wide the reader wants it.
        var width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 40 ? columns : 100;
        if (interactive)
        {
            try
            {
                width = Math.Max(40, Console.WindowWidth);
            }
            catch (IOException)
            {
            }
        }
        return new Terminal(Console.OpenStandardInput, Console.Out, Console.Error)
        {
            Width = width,
            Colour = interactive && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        };
    }
}
