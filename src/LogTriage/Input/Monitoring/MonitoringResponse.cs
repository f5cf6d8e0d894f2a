using System.Net;
using System.Text.Json;

namespace LogTriage.Input.Monitoring;

/// <summary>What an endpoint answered.</summary>
public sealed record MonitoringResponse(HttpStatusCode Status, JsonElement? Json, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
