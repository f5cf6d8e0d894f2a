namespace LogTriage.Rules;

/// <summary>The cause ids of the report contract; rules may name no other.</summary>
internal static class CauseIds
{
    public const string Overload = "overload";
    public const string Payload = "payload";
    public const string ServerBug = "server-bug";
    public const string Network = "network";
    public const string Client = "client";
    public const string Auth = "auth";
    public const string Unreachable = "unreachable";

    public static IReadOnlyList<string> All { get; } = [Overload, Payload, ServerBug, Network, Client, Auth, Unreachable];

    public static bool IsKnown(string id) => All.Contains(id);
}
