using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace LogTriage.Tests.Support;

/// <summary>
/// Microsoft.Extensions.Logging's own console formatter (simple, no colour, a UTC time stamp),
/// writing to a file instead of the console: what a .NET application's console output holds once
/// its platform has captured it (<c>kubectl logs</c>, a container's log). The console provider
/// itself writes to the process's one console, which tests running side by side cannot share.
/// </summary>
public sealed class ConsoleFormatFileProvider : ILoggerProvider
{
    private readonly ConsoleFormatter _formatter;
    private readonly ServiceProvider _services;
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    public ConsoleFormatFileProvider(string path)
    {
        _services = new ServiceCollection()
            .AddLogging(b => b.AddSimpleConsole(o =>
            {
                o.ColorBehavior = LoggerColorBehavior.Disabled;
                o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
                o.UseUtcTimestamp = true;
            }))
            .BuildServiceProvider();
        _formatter = _services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Simple);
        _writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { AutoFlush = true };
    }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    private void Write<TState>(in LogEntry<TState> entry)
    {
        using var text = new StringWriter();
        _formatter.Write(in entry, null, text);
        lock (_gate)
            _writer.Write(text.ToString());
    }

    public void Dispose()
    {
        lock (_gate)
            _writer.Dispose();
        _services.Dispose();
    }

    private sealed class FileLogger(ConsoleFormatFileProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => NullLogger.Instance.BeginScope(state);

        // The factory applies the minimum level.
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                provider.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
        }
    }
}
