namespace LogTriage.Fleet;

/// <summary>The streams, consumer and bucket a fleet shares, and the subjects between them.</summary>
public sealed record FleetNames(string LogStream = "LOGS", string SignalStream = "SIGNALS", string Consumer = "logtriage-workers", string Bucket = "logtriage-findings")
{
    public const string SignalPrefix = "signals";

    /// <summary>A batch's signals go on the batch's subject with <c>signals</c> for <c>logs</c>.</summary>
    public static string SignalSubjectFor(string logSubject) =>
        logSubject.StartsWith(LogSubject.Prefix + ".", StringComparison.Ordinal)
            ? SignalPrefix + logSubject[LogSubject.Prefix.Length..]
            : SignalPrefix + "." + logSubject;
}
