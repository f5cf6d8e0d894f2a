namespace LogTriage.Fleet;

/// <summary>
/// Where and how <see cref="LogShipper"/> publishes: the server, the stream, the names that make
/// the subject <c>logs.&lt;cluster&gt;.&lt;server&gt;.&lt;source&gt;</c>, and the batch limits.
/// </summary>
public sealed record ShipOptions(string Url, string Stream, string Cluster, string Server)
{
    /// <summary>The subject's last token; null: the input's file name.</summary>
    public string? Source { get; init; }

    /// <summary>A batch is published when it reaches this many bytes of lines.</summary>
    public int BatchBytes { get; init; } = 1 << 20;

    /// <summary>A batch is published at the latest this long after its first line (what a followed file needs).</summary>
    public TimeSpan FlushAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Create the stream (subjects <c>logs.&gt;</c>) when it does not exist.</summary>
    public bool Create { get; init; }

    /// <summary>How long JetStream remembers message ids: a shipper restarted within it duplicates nothing.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long the stream keeps lines; zero: until its other limits.</summary>
    public TimeSpan MaxAge { get; init; }
}
