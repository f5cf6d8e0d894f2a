using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Compact;

namespace LogTriage.Tests.Support;

/// <summary>
/// The logging of a scenario's client application, as such an application really sets it up:
/// Serilog at Debug, written with <see cref="CompactJsonFormatter"/> (CLEF) to one file, handed to
/// NATS.Net as its <see cref="ILoggerFactory"/>; the application's own messages go through
/// <see cref="App"/> into the same file. Every message is also written in the console's text layout
/// to a second file (<see cref="ConsoleFormatFileProvider"/>), the other way .NET applications
/// commonly log. Disposing flushes and closes both.
/// </summary>
public sealed class ScenarioClientLog : IDisposable
{
    private readonly Serilog.Core.Logger _serilog;

    /// <param name="consolePath">Where the same messages go in the console's text layout, as a second application logging to the console would have them.</param>
    public ScenarioClientLog(string path, string consolePath)
    {
        Path = path;
        _serilog = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.File(new CompactJsonFormatter(), path)
            .CreateLogger();
        Factory = LoggerFactory.Create(b => b
            .SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug)
            .AddProvider(new SerilogLoggerProvider(_serilog))
            .AddProvider(new ConsoleFormatFileProvider(consolePath)));
        App = Factory.CreateLogger("ScenarioApp");
    }

    public string Path { get; }

    /// <summary>Given to NATS.Net as <c>NatsOpts.LoggerFactory</c>.</summary>
    public ILoggerFactory Factory { get; }

    /// <summary>The application's own logger (category <c>ScenarioApp</c>).</summary>
    public Microsoft.Extensions.Logging.ILogger App { get; }

    /// <summary>The log so far (the file sink writes through, unbuffered).</summary>
    public string Read()
    {
        using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Polls the log until <paramref name="text"/> occurs <paramref name="count"/> times.</summary>
    public void WaitFor(string text, TimeSpan timeout, int count = 1)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Occurrences(Read(), text) < count)
        {
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"the client log did not show '{text}' {count} times within {timeout}:\n{Read()}");
            Thread.Sleep(50);
        }
    }

    private static int Occurrences(string log, string text)
    {
        var count = 0;
        for (var at = log.IndexOf(text, StringComparison.Ordinal); at >= 0; at = log.IndexOf(text, at + text.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    public void Dispose()
    {
        Factory.Dispose();
        _serilog.Dispose();
    }
}
