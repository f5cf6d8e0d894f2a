namespace LogTriage.Parsing.Wrappers;

/// <summary>The source <c>kubectl logs --prefix</c> puts before each line: <c>[pod/nats-0/nats] </c>.</summary>
internal sealed class KubectlPrefixWrapper : ILineWrapper
{
    public string Name => "kubectl-prefix";

    public bool TryUnwrap(string line, out UnwrappedLine inner)
    {
        inner = default;
        if (!line.StartsWith("[pod/", StringComparison.Ordinal))
            return false;
        var close = line.IndexOf("] ", StringComparison.Ordinal);
        if (close < 6)
            return false;
        var source = line[5..close];
        if (source.Count(c => c == '/') != 1)
            return false;
        inner = new UnwrappedLine(line[(close + 2)..], null, null, source);
        return true;
    }
}
