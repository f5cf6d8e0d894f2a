using System.Text.Json.Serialization;

namespace LogTriage.Input.Scanning;

/// <summary>
/// The state file's serializer, generated at build time: no reflection, so the tool's native
/// (ahead-of-time compiled) build reads and writes the same file.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ScanState))]
internal sealed partial class ScanStateJson : JsonSerializerContext;
