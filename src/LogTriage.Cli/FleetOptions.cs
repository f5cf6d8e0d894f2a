using System.CommandLine;
using LogTriage.Fleet;

namespace LogTriage.Cli;

/// <summary>The options every fleet command shares, so ship, worker and fleet spell them alike.</summary>
internal static class FleetOptions
{
    /// <remarks><c>--server</c> stays as an alias: the first fleet commands were documented with it.</remarks>
    public static Option<string> Nats() => new("--nats", "--server", "-s")
    {
        Description = "The NATS server with JetStream: nats://host:4222.",
        DefaultValueFactory = _ => "nats://127.0.0.1:4222",
    };

    public static Option<string> LogStream() => new("--stream")
    {
        Description = "The JetStream stream of shipped log lines.",
        DefaultValueFactory = _ => new FleetNames().LogStream,
    };

    public static Option<string> SignalStream() => new("--signals")
    {
        Description = "The JetStream stream the workers publish signal lines to.",
        DefaultValueFactory = _ => new FleetNames().SignalStream,
    };

    /// <summary>A positive duration option (30s, 10m, 1h, 7d), or a usage error naming the option.</summary>
    public static TimeSpan Duration(string text, string option) =>
        Rules.DurationText.TryParse(text, out var duration) && duration > TimeSpan.Zero
            ? duration
            : throw new UsageException($"{option}: '{text}' is not a duration (30s, 10m, 1h, 7d)");
}
