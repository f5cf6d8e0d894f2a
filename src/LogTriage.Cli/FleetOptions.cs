using System.CommandLine;

namespace LogTriage.Cli;

/// <summary>The options every fleet command shares.</summary>
internal static class FleetOptions
{
    public static Option<string> Server() => new("--server", "-s")
    {
        Description = "The NATS server with JetStream: nats://host:4222.",
        DefaultValueFactory = _ => "nats://127.0.0.1:4222",
    };
}
