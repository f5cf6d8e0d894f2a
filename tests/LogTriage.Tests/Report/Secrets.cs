namespace LogTriage.Tests.Report;

/// <summary>The secrets seeded in Fixtures/secrets.log.</summary>
internal static class Secrets
{
    public const string Password = "hunter2";
    public const string Token = "s3cr3t-t0ken-4f9a";
    public const string Jwt = "eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.eyJqdGkiOiJRVzNWSjZONFYyVFk3S1FYNUpaUTJNM1lRNkc0TjdPUFhJS0hCTDJXWjVUNFlWM1JOQU9RIiwiaWF0IjoxNzY0MDAwMDAwLCJpc3MiOiJBRFoyV01IT1pSSFhJSkFYWk9IWEo2VFA1U1FMVVdXRkFDRk9NUVFPSUpZRDVXN1lOVkIyTkNaNyIsIm5hbWUiOiJvcmRlcnMiLCJzdWIiOiJVQksyWFE1UjNON1daSjVWREo2TTNYNlZRN1VXNEI0UTVMMlRNUzRZT0dSRjNUN1pCN00ySVg1QyIsIm5hdHMiOnsicHViIjp7fSwic3ViIjp7fSwic3VicyI6LTEsImRhdGEiOi0xLCJwYXlsb2FkIjotMSwidHlwZSI6InVzZXIiLCJ2ZXJzaW9uIjoyfX0.pU3KGCUwux1tEyze1iN7LtkeP3IfyxlxF0SU1kk8nVw0YL4xIB5p_tqg7ui5mX9cfCmZ_a_lkyU81lSvTfrXFA";
    public const string JwtSignature = "pU3KGCUwux1tEyze1iN7LtkeP3IfyxlxF0SU1kk8nVw0YL4xIB5p_tqg7ui5mX9cfCmZ_a_lkyU81lSvTfrXFA";
    public const string Signature = "LoW7VbZyqHJjes10Zvy2Dg6P8YRjsOSyuilwNHTwZKxo9wD1sCs9xmb0W96qLMrtzStRV0EOTe5K8rNPQwoHNA";
    public const string SeedInAuthError = "SUEUVW75EFR6EDT4SYWB5WKH7DNSIPZZ7FK4ZRI3R2WYOJFLJOOA7LQSAJ";
    public const string SeedInCreds = "SU2XUID5ZZZZG6ZDMEN4KHVDGAJGXBENYJQWX6HH7566TFJGVQ6KBNXJBT";
    public const string Bearer = "8f14e45fceea167a5a36dedd4bea2543";

    public static IReadOnlyList<string> All { get; } =
        [Password, Token, Jwt, Jwt[..40], JwtSignature, Signature, SeedInAuthError, SeedInCreds, Bearer];

    /// <summary>Those that sit on lines the shipped rules take as evidence (the CONNECT traces are not: no rule matches them).</summary>
    public static IReadOnlyList<string> OnEvidenceLines { get; } =
        [Password, Token, Jwt, SeedInAuthError, SeedInCreds, Bearer];
}
