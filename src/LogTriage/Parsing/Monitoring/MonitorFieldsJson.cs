using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogTriage.Parsing.Monitoring;

/// <summary>
/// The serializer of a monitor event's fields object, generated at build time so the native
/// build needs no reflection. Relaxed escaping keeps the written line readable (a reason's quotes
/// and '+' stay as they are).
/// </summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class MonitorFieldsJson : JsonSerializerContext
{
    public static MonitorFieldsJson Relaxed { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
