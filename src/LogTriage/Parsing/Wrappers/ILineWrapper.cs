namespace LogTriage.Parsing.Wrappers;

/// <summary>
/// A layer a platform adds around each log line (Docker's JSON, kubectl's prefixes, syslog,
/// journald), peeled off so the inner line is parsed as what it is.
/// </summary>
internal interface ILineWrapper
{
    string Name { get; }

    /// <summary>
    /// Whether the server's own reader finds its lines behind this wrapper by itself (a paste's
    /// quote marks, compose's service names): it also tells the server's lines from the others
    /// mixed in with them, so an input with server lines is left to it.
    /// </summary>
    bool ServerReadsThrough => false;

    bool TryUnwrap(string line, out UnwrappedLine inner);
}
