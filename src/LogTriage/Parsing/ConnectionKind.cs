namespace LogTriage.Parsing;

/// <summary>The kind of connection named in a nats-server log prefix (<c>cid:</c>, <c>rid:</c>, ...).</summary>
public enum ConnectionKind
{
    Client,
    Websocket,
    Mqtt,
    Route,
    Gateway,
    Leafnode,
    Internal,
}
