namespace LogTriage.Input;

/// <summary>A physical line of an input, numbered from 1, without its line end.</summary>
public readonly record struct InputLine(long Number, string Text);
