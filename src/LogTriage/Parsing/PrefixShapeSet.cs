namespace LogTriage.Parsing;

/// <summary>
/// The prefix shapes (<see cref="LinePrefixShape"/>) seen in one input. Immutable: adding makes a
/// new set, so a reader testing lines on another core always sees a whole one. Small by nature
/// (one shape per platform layout, a few per file), and bounded.
/// </summary>
public sealed class PrefixShapeSet
{
    private const int MaxShapes = 64;
    private readonly ulong[] _shapes;

    private PrefixShapeSet(ulong[] shapes) => _shapes = shapes;

    /// <summary>Only the shape of no prefix.</summary>
    public static PrefixShapeSet Unprefixed { get; } = new([LinePrefixShape.None]);

    public static PrefixShapeSet Of(ulong shape) => new([shape]);

    /// <summary>No more shapes are learnt; lines of unknown shape are then taken as they come.</summary>
    public bool IsFull => _shapes.Length >= MaxShapes;

    public bool Contains(ulong shape)
    {
        foreach (var s in _shapes)
            if (s == shape)
                return true;
        return false;
    }

    public PrefixShapeSet With(ulong shape) => Contains(shape) || IsFull ? this : new([.. _shapes, shape]);
}
