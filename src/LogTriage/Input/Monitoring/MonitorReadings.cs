namespace LogTriage.Input.Monitoring;

/// <summary>Everything one probe read from a monitoring port, in the server's own units.</summary>
public sealed record MonitorReadings(
    IReadOnlyList<VarzSample> Samples,
    IReadOnlyList<ClosedConnection> Closed,
    JetStreamUsage? JetStream,
    HealthStatus? Health);
