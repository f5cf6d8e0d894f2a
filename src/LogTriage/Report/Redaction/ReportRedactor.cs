namespace LogTriage.Report.Redaction;

/// <summary>
/// The redaction step of one report: secrets out (<see cref="SecretRedactor"/>), then, if asked,
/// addresses masked (<see cref="AddressMasker"/>). Pass <see cref="Redact"/> to the
/// <see cref="ReportBuilder"/> as its text filter, so every renderer receives redacted text.
/// Create one per report: the address numbering lives here. Not thread-safe.
/// </summary>
public sealed class ReportRedactor
{
    private readonly SecretRedactor? _secrets;
    private readonly AddressMasker? _addresses;

    public ReportRedactor(RedactionOptions options)
    {
        _secrets = options.Secrets ? SecretRedactor.Instance : null;
        _addresses = options.MaskAddresses ? new AddressMasker() : null;
    }

    /// <summary>Secrets removed so far (each <c>[REDACTED]</c> mark this redactor added), for the report to say.</summary>
    public int Redactions { get; private set; }

    public string Redact(string text)
    {
        if (_secrets is not null)
        {
            var before = Marks(text);
            text = _secrets.Redact(text);
            Redactions += Marks(text) - before;
        }
        if (_addresses is not null)
            text = _addresses.Mask(text);
        return text;
    }

    private static int Marks(string text)
    {
        var count = 0;
        for (var at = text.IndexOf("[REDACTED", StringComparison.Ordinal); at >= 0; at = text.IndexOf("[REDACTED", at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
