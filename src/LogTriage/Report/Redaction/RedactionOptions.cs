namespace LogTriage.Report.Redaction;

/// <summary>What is taken out of log texts before they reach a report.</summary>
/// <param name="Secrets">Remove passwords, tokens, JWTs, nkey seeds, credentials blocks and URL passwords (on unless <c>--no-redact</c>).</param>
/// <param name="MaskAddresses">Replace IP addresses by stable placeholders (<c>--redact-ips</c>).</param>
public sealed record RedactionOptions(bool Secrets = true, bool MaskAddresses = false)
{
    /// <summary>Secrets removed, addresses kept: what a report gets unless asked otherwise.</summary>
    public static RedactionOptions Default { get; } = new();

    /// <summary>Nothing removed (<c>--no-redact</c>).</summary>
    public static RedactionOptions None { get; } = new(Secrets: false, MaskAddresses: false);
}
