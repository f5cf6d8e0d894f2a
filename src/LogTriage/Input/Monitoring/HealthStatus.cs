namespace LogTriage.Input.Monitoring;

/// <summary>The answer of <c>/healthz</c>: <c>ok</c>, or a status such as <c>unavailable</c> with an error.</summary>
public sealed record HealthStatus(DateTimeOffset Time, string Status, string? Error);
