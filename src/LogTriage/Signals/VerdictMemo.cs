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
        // The length and the first and last four characters: a collision only costs a search,
        // since an entry answers for its exact message alone.
        if (message.Length < 4)
            return message.Length;
        var head = System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(System.Runtime.InteropServices.MemoryMarshal.AsBytes(message[..4]));
        var tail = System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(System.Runtime.InteropServices.MemoryMarshal.AsBytes(message[^4..]));
        var hash = (head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)message.Length;
        return (int)(hash >> 54) & (Slots - 1);
    }

    private sealed record Entry(string Message, bool Verdict);
}
