namespace LogTriage.Signals;

/// <summary>
/// Remembers whether recent short messages hold a literal: a small direct-mapped table, the last
/// message of each slot. Read and written from both cores without a lock: a slot holds one
/// immutable entry, replaced whole, so a reader sees an old entry or a new one, never a mix, and
/// an entry only answers for the exact message it was made from.
/// </summary>
internal sealed class VerdictMemo
{
    /// <summary>Longer messages are searched every time: they rarely repeat, and copying them costs.</summary>
    public const int MaxLength = 64;

    private const int Slots = 1024;

    private readonly Entry?[] _entries = new Entry?[Slots];

    public bool TryGet(ReadOnlySpan<char> message, out bool verdict)
    {
        var entry = _entries[Slot(message)];
        if (entry is not null && message.SequenceEqual(entry.Message))
        {
            verdict = entry.Verdict;
            return true;
        }
        verdict = false;
        return false;
    }

    public void Set(ReadOnlySpan<char> message, bool verdict) => _entries[Slot(message)] = new Entry(message.ToString(), verdict);

    private static int Slot(ReadOnlySpan<char> message)
    {
        // FNV-1a over the characters: cheap for short text, spread well enough for 1024 slots.
        var hash = 2166136261u;
        foreach (var c in message)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash ^ (hash >> 15)) & (Slots - 1);
    }

    private sealed record Entry(string Message, bool Verdict);
}
