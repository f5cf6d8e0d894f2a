namespace LogTriage.Input;

/// <summary>
/// Reads again the inputs that can be read again (files, not pipes) to fetch the lines around
/// each evidence line, so a report can show what happened just before and after. One streaming
/// pass per input, keeping only the few lines asked for.
/// </summary>
internal sealed class LineContextReader(int radius = 2)
{
    public IReadOnlyDictionary<(string Input, long Line), LineContext> Read(IEnumerable<InputSource> inputs, IEnumerable<(string Input, long Line)> wanted)
    {
        var result = new Dictionary<(string, long), LineContext>();
        var byInput = wanted.GroupBy(w => w.Input).ToDictionary(g => g.Key, g => g.Select(w => w.Line).ToHashSet());
        foreach (var input in inputs.Where(i => i.Length is not null && i.SkipBytes == 0 && byInput.ContainsKey(i.Name)))
        {
            var lines = byInput[input.Name];
            var ring = new Queue<string>(radius + 1);
            var pending = new List<(long Line, List<string> Before, List<string> After)>();
            try
            {
                using var stream = input.OpenText();
                foreach (var line in LineReader.ReadLines(stream, new InputStatistics(input.Name)))
                {
                    foreach (var p in pending.Where(p => p.After.Count < radius && line.Number > p.Line))
                        p.After.Add(line.Text);
                    if (lines.Contains(line.Number))
                        pending.Add((line.Number, [.. ring], []));
                    ring.Enqueue(line.Text);
                    if (ring.Count > radius)
                        ring.Dequeue();
                    if (pending.Count == lines.Count && pending.All(p => p.After.Count == radius))
                        break;
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                // Context is a courtesy: an input that cannot be read again just shows its lines alone.
            }
            foreach (var p in pending)
                result[(input.Name, p.Line)] = new LineContext(p.Before, p.After);
        }
        return result;
    }
}

/// <summary>The lines just before and after an evidence line.</summary>
public sealed record LineContext(IReadOnlyList<string> Before, IReadOnlyList<string> After);
