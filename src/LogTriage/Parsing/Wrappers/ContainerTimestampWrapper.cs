using System.Globalization;

namespace LogTriage.Parsing.Wrappers;

/// <summary>
/// The RFC 3339 time stamp <c>kubectl logs --timestamps</c> puts before each line, and the
/// CRI layout of <c>/var/log/containers/*.log</c> (<c>TIME stderr F line</c>).
/// </summary>
internal sealed class ContainerTimestampWrapper : ILineWrapper
{
    public string Name => "kubectl-timestamps";

    public bool TryUnwrap(string line, out UnwrappedLine inner)
    {
        inner = default;
        if (line.Length < 21 || !char.IsAsciiDigit(line[0]) || line[4] != '-' || line[10] != 'T')
            return false;
        var space = line.IndexOf(' ');
        if (space < 20 || !Rfc3339.TryParse(line.AsSpan(0, space), out var time))
            return false;
        var rest = line[(space + 1)..];
        // CRI: "<stream> <F|P> <text>"; a partial line (P) is kept as it is, joined lines are rare in server logs.
        if ((rest.StartsWith("stdout ", StringComparison.Ordinal) || rest.StartsWith("stderr ", StringComparison.Ordinal))
            && rest.Length > 8 && (rest[7] == 'F' || rest[7] == 'P') && (rest.Length == 8 || rest[8] == ' '))
            rest = rest.Length > 9 ? rest[9..] : "";
        inner = new UnwrappedLine(rest, time, null, null);
        return true;
    }
}
