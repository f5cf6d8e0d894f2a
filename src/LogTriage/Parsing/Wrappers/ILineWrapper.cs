namespace LogTriage.Parsing.Wrappers;

/// <summary>
/// A layer a platform adds around each log line (Docker's JSON, kubectl's prefixes, syslog,
/// journald), peeled off so the inner line is parsed as what it is.
/// </summary>
internal interface ILineWrapper
{
    string Name { get; }

    bool TryUnwrap(string line, out UnwrappedLine inner);
}
