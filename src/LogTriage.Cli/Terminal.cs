namespace LogTriage.Cli;

/// <summary>The streams a command reads and writes; the real console, or buffers in tests.</summary>
public sealed record Terminal(Func<Stream> StandardInput, TextWriter Out, TextWriter Error);
