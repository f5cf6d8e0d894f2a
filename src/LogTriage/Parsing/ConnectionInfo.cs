namespace LogTriage.Parsing;

/// <summary>
/// The connection a server log line is about, as the server's prefix names it:
/// <c>10.0.0.1:51234 - cid:5 - "v2.8.2:.NET:orders" - "APP/user:bob"</c>.
/// </summary>
public sealed record ConnectionInfo(
    ConnectionKind Kind,
    long? Id,
    string? Address,
    string? Host,
    int? Port,
    string? Version = null,
    string? Lang = null,
    string? Name = null,
    string? Account = null,
    string? User = null)
{
    /// <summary>A stable label for grouping, e.g. <c>cid:5</c>.</summary>
    public string Label => Kind switch
    {
        ConnectionKind.Client => $"cid:{Id}",
        ConnectionKind.Websocket => $"wid:{Id}",
        ConnectionKind.Mqtt => $"mid:{Id}",
        ConnectionKind.Route => $"rid:{Id}",
        ConnectionKind.Gateway => $"gid:{Id}",
        ConnectionKind.Leafnode => $"lid:{Id}",
        _ => Address ?? "internal",
    };
}
