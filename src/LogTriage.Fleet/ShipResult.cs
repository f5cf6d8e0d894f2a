using LogTriage.Input;

namespace LogTriage.Fleet;

/// <summary>What one run of the shipper did: batches and lines published, and batches the stream already had.</summary>
public sealed record ShipResult(long Lines, long Batches, long Duplicates, long Bytes)
{
    /// <summary>How far each input was read, in the order given (for <c>--state</c>).</summary>
    public IReadOnlyList<InputStatistics> Inputs { get; init; } = [];

    public static ShipResult None { get; } = new(0, 0, 0, 0);

    public static ShipResult operator +(ShipResult a, ShipResult b) =>
        new(a.Lines + b.Lines, a.Batches + b.Batches, a.Duplicates + b.Duplicates, a.Bytes + b.Bytes);
}
