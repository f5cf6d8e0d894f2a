using System.Text.Json.Serialization;

namespace LogTriage.Fleet;

/// <summary>The value of one cause-and-server key of the findings bucket: what dashboards and alerts read.</summary>
public sealed record FleetFinding(
    [property: JsonPropertyName("cause")] string Cause,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("firstSeen")] DateTimeOffset? FirstSeen,
    [property: JsonPropertyName("lastSeen")] DateTimeOffset? LastSeen,
    [property: JsonPropertyName("rules")] IReadOnlyList<string> Rules,
    [property: JsonPropertyName("inputs")] IReadOnlyList<string> Inputs,
    [property: JsonPropertyName("evidence")] IReadOnlyList<FleetFindingEvidence> Evidence,
    [property: JsonPropertyName("reportedAt")] DateTimeOffset ReportedAt);

/// <summary>One example line of a fleet finding.</summary>
public sealed record FleetFindingEvidence(
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("text")] string Text);
