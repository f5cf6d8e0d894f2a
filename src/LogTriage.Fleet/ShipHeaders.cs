namespace LogTriage.Fleet;

/// <summary>The headers each shipped batch carries, so a worker knows where its lines came from.</summary>
public static class ShipHeaders
{
    public const string Host = "LogTriage-Host";
    public const string Input = "LogTriage-Input";
    public const string FirstLine = "LogTriage-First-Line";
    public const string Offset = "LogTriage-Offset";
    public const string Lines = "LogTriage-Lines";
}
