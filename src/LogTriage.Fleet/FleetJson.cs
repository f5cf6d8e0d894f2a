using System.Text.Json.Serialization;

namespace LogTriage.Fleet;

/// <summary>
/// The serializers of what the fleet publishes (signal batches, key-value findings), generated at
/// build time so the native build needs no reflection.
/// </summary>
[JsonSerializable(typeof(SignalBatch))]
[JsonSerializable(typeof(FleetFinding))]
internal sealed partial class FleetJson : JsonSerializerContext;
