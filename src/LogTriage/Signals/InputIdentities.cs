namespace LogTriage.Signals;

/// <summary>
/// What rules with <c>identifies</c> have named per input: an application log names its client
/// once ("Connect succeed orders, NATS ..."), and every later line of that input is about it.
/// </summary>
internal sealed class InputIdentities
{
    private readonly Dictionary<(string Input, string Kind), string> _named = new();

    /// <summary>Records what a signal's rule declares; call before keys are taken for the signal.</summary>
    public void Learn(Signal signal)
    {
        foreach (var kind in signal.Rule.Identifies)
            if (signal.Fields.TryGetValue(kind, out var value) && value.Length > 0)
                _named[(signal.Event.Input, kind)] = value;
    }

    /// <summary>The value an earlier line of the input declared for this kind; null when none did.</summary>
    public string? Of(string input, string kind) => _named.GetValueOrDefault((input, kind));
}
