using System.CommandLine;
using LogTriage.Fleet;

namespace LogTriage.Cli;

/// <summary>
/// The options the fleet commands share, so ship, worker and fleet spell them alike: the server,
/// and the streams a command reads or writes.
/// </summary>
internal sealed class FleetOptions
{
    private static readonly FleetNames Defaults = new();

    /// <remarks><c>--server</c> stays as an alias: the first fleet commands were documented with it.</remarks>
    private readonly Option<string> _nats = new("--nats", "--server", "-s")
    {
        Description = "The NATS server with JetStream: nats://host:4222.",
        DefaultValueFactory = _ => "nats://127.0.0.1:4222",
    };

    private readonly Option<string>? _logStream;
    private readonly Option<string>? _signalStream;

    /// <param name="logStream">The command names the stream of shipped lines (<c>--stream</c>).</param>
    /// <param name="signalStream">The command names the stream of signal lines (<c>--signals</c>).</param>
    public FleetOptions(bool logStream, bool signalStream)
    {
        if (logStream)
            _logStream = new("--stream") { Description = "The JetStream stream of shipped log lines.", DefaultValueFactory = _ => Defaults.LogStream };
        if (signalStream)
            _signalStream = new("--signals") { Description = "The JetStream stream the workers publish signal lines to.", DefaultValueFactory = _ => Defaults.SignalStream };
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_nats);
        if (_logStream is not null)
            command.Options.Add(_logStream);
        if (_signalStream is not null)
            command.Options.Add(_signalStream);
    }

    public string Url(ParseResult parse) => parse.GetValue(_nats)!;

    public FleetNames Names(ParseResult parse) => Defaults with
    {
        LogStream = _logStream is null ? Defaults.LogStream : parse.GetValue(_logStream)!,
        SignalStream = _signalStream is null ? Defaults.SignalStream : parse.GetValue(_signalStream)!,
    };

    /// <summary>A positive duration option (30s, 10m, 1h, 7d), or a usage error naming the option.</summary>
    public static TimeSpan Duration(string text, string option) =>
        Rules.DurationText.TryParse(text, out var duration) && duration > TimeSpan.Zero
            ? duration
            : throw new UsageException($"{option}: '{text}' is not a duration (30s, 10m, 1h, 7d)");
}
