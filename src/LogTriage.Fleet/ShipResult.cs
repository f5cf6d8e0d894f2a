using LogTriage.Input;

namespace LogTriage.Fleet;

/// <summary>What one run of the shipper did: batches and lines published, and batches the stream already had.</summary>
public sealed record ShipResult(long Lines, long Batches, long Duplicates, long Bytes)
{
    /// <summary>How far each input was read, in the order given (for <c>--state</c>).</summary>
    public IReadOnlyList<InputStatistics> Inputs { get; init; } = [];
}
