namespace LogTriage.Input.Monitoring;

/// <summary>One entry of <c>/connz?state=closed</c>.</summary>
public sealed record ClosedConnection(
    long Id,
    string Type,
    string? Ip,
    int? Port,
    DateTimeOffset? Start,
    DateTimeOffset? Stop,
    string Reason,
    string? Name = null,
    string? Lang = null,
    string? Version = null,
    string? Account = null,
    string? User = null);
