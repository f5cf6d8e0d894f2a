using LogTriage.Signals;

namespace LogTriage.Engine;

/// <summary>The condition an exception compiles to: every listed field has the listed value (any case).</summary>
internal static class ExceptionMatch
{
    public static bool Holds(IReadOnlyDictionary<string, string> fields, FactKey key)
    {
        foreach (var (field, value) in fields)
            if (!string.Equals(key[field], value, StringComparison.OrdinalIgnoreCase))
                return false;
        return true;
    }
}
