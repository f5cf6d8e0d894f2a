namespace LogTriage.Fleet;

/// <summary>What one run of the shipper did: batches and lines published, and batches the stream already had.</summary>
public sealed record ShipResult(long Lines, long Batches, long Duplicates, long Bytes);
