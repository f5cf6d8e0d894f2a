namespace LogTriage.Parsing;

/// <summary>
/// A parser that learns the exact format of its input while reading it (a wrapper around a
/// detected inner format), and names it for the report.
/// </summary>
internal interface IFormatNamed
{
    string FormatName { get; }
}
