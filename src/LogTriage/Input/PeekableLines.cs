using System.Runtime.ExceptionServices;
using LogTriage.Parsing;

namespace LogTriage.Input;

/// <summary>
/// Lets format detection look at an input's first lines and then hands every line, those
/// included, to the parser, without reading the input twice (stdin can't be).
/// </summary>
internal sealed class PeekableLines(IEnumerable<InputLine> lines, Func<bool>? endOfAvailable = null) : IEnumerable<InputLine>, IDisposable
{
    private readonly IEnumerator<InputLine> _source = lines.GetEnumerator();
    private readonly List<InputLine> _peeked = [];
    private bool _exhausted;
    private bool _enumerated;
    private ExceptionDispatchInfo? _readError;

    public IReadOnlyList<string> Peek(int count)
    {
        while (_peeked.Count < count && !_exhausted)
        {
            try
            {
                if (_source.MoveNext())
                    _peeked.Add(_source.Current);
                else
                    _exhausted = true;
                // A live input that has delivered what it has is detected on that, not kept waiting.
                if (endOfAvailable?.Invoke() == true)
                    break;
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                // The lines read before the error are still handed out; the error comes after them.
                _readError = ExceptionDispatchInfo.Capture(e);
                _exhausted = true;
            }
        }
        return _peeked.Take(count).Select(l => l.Text).ToList();
    }

    public IEnumerator<InputLine> GetEnumerator()
    {
        if (_enumerated)
            throw new InvalidOperationException("the lines of an input can be read once");
        _enumerated = true;
        foreach (var line in _peeked)
            yield return line;
        _peeked.Clear();
        _readError?.Throw();
        while (!_exhausted && _source.MoveNext())
            yield return _source.Current;
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose() => _source.Dispose();
}
