namespace LogTriage.Parsing;

/// <summary>Who wrote a log line: the NATS server, a client application, or a source not known.</summary>
public enum EventOrigin
{
    Unknown = 0,
    Server,
    Client,

    /// <summary>Read from the server's monitoring endpoints by <c>logtriage probe</c>.</summary>
    Monitor,
}
