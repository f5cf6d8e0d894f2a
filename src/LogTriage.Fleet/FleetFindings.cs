using System.Text.Json;
using LogTriage.Report;
using NATS.Client.Core;
using NATS.Client.KeyValueStore;
using NATS.Net;

namespace LogTriage.Fleet;

/// <summary>
/// Keeps the fleet's latest findings in a JetStream key-value bucket, one key per cause and server
/// (<c>&lt;cause&gt;.&lt;cluster&gt;_&lt;server&gt;</c>), so dashboards and alerts read them without
/// re-running the analysis; the key's history is the finding's history.
/// </summary>
public sealed class FleetFindings(string url, FleetNames names)
{
    public async Task<int> PublishAsync(CauseReport report, CancellationToken cancel = default)
    {
        await using var nats = await FleetConnection.OpenAsync(url, "logtriage-fleet");
        var kv = nats.CreateKeyValueStoreContext();
        var bucket = await kv.CreateOrUpdateStoreAsync(new NatsKVConfig(names.Bucket) { History = 10 }, cancel);
        var written = 0;
        foreach (var cause in report.Causes.Concat(report.Context))
        {
            // Every server the cause was seen on gets its key, also one whose lines are not among
            // the report's few examples.
            var servers = cause.Inputs.Count > 0 ? cause.Inputs.Select(Server) : cause.Evidence.Select(e => Server(e.Input));
            foreach (var server in servers.Distinct(StringComparer.Ordinal))
            {
                var value = JsonSerializer.Serialize(new FleetFinding(
                    cause.Cause, cause.Title, cause.Severity, cause.Confidence, cause.Count, cause.FirstSeen, cause.LastSeen, cause.Rules,
                    cause.Inputs.Where(i => Server(i) == server).ToList(),
                    cause.Evidence.Where(e => Server(e.Input) == server).Select(e => new FleetFindingEvidence(e.Input, e.Line, e.Text)).Take(3).ToList(),
                    report.GeneratedAt), FleetJson.Default.FleetFinding);
                await bucket.PutAsync($"{LogSubject.Token(cause.Cause)}.{LogSubject.Token(server)}", value, cancellationToken: cancel);
                written++;
            }
        }
        return written;
    }

    /// <summary>The cluster and server of a fleet input name (<c>cluster/server:path</c>), as one key token.</summary>
    public static string Server(string input)
    {
        var colon = input.IndexOf(':');
        return colon > 0 ? input[..colon].Replace('/', '_') : "unknown";
    }
}
