using LogTriage.Parsing;

namespace LogTriage.Signals;

/// <summary>How a connection is named in a report: <c>cid:5 10.0.0.1:51234 "orders" (.NET v2.8.2)</c>.</summary>
internal static class ConnectionDescription
{
    public static string Of(ConnectionInfo c)
    {
        var parts = new List<string> { c.Label };
        if (c.Kind != ConnectionKind.Internal && c.Address is not null)
            parts.Add(c.Address);
        if (c.Name is not null)
            parts.Add($"\"{c.Name}\"");
        if (c.Lang is not null || c.Version is not null)
            parts.Add($"({string.Join(' ', new[] { c.Lang, c.Version }.Where(p => p is not null))})");
        if (c.Account is not null)
            parts.Add($"account {c.Account}");
        if (c.User is not null)
            parts.Add(c.User);
        return string.Join(' ', parts);
    }
}
