namespace LogTriage.Input.Monitoring;

/// <summary>JetStream's use of its limits, from <c>/jsz</c>; limits of 0 are not set.</summary>
public sealed record JetStreamUsage(DateTimeOffset Time, long Memory, long MaxMemory, long Storage, long MaxStorage);
