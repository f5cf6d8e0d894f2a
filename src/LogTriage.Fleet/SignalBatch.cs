using System.Text.Json;
using System.Text.Json.Serialization;
using LogTriage.Input;

namespace LogTriage.Fleet;

/// <summary>
/// What a worker publishes for one shipped batch: the input it came from and the numbered lines
/// of its events that a rule matched. Usually a small fraction of the batch.
/// </summary>
public sealed record SignalBatch(
    [property: JsonPropertyName("input")] string Input,
    [property: JsonPropertyName("lines")] IReadOnlyList<SignalLine> Lines)
{
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, FleetJson.Default.SignalBatch);

    public static SignalBatch FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, FleetJson.Default.SignalBatch) ?? throw new JsonException("empty signal batch");

    public static SignalBatch Of(string input, IEnumerable<InputLine> lines) =>
        new(input, lines.Select(l => new SignalLine(l.Number, l.Text)).ToList());
}

/// <summary>One line of a signal batch, with its number in the original input.</summary>
public sealed record SignalLine(
    [property: JsonPropertyName("n")] long Number,
    [property: JsonPropertyName("t")] string Text);
