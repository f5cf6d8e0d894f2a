namespace LogTriage.Input;

/// <summary>
/// Refuses inputs that are not text (an executable, an image, a core dump handed over by mistake):
/// reading them as lines would only fill the report with noise.
/// </summary>
internal static class BinaryDetector
{
    private const int SampleSize = 8192;

    /// <summary>More than this share of control bytes (other than tab, CR, LF, ESC) in the first block means binary.</summary>
    private const double MaxControlShare = 0.1;

    /// <summary>Returns a stream that still yields every byte, or throws <see cref="InvalidDataException"/> for binary content.</summary>
    public static Stream EnsureText(Stream stream)
    {
        var sample = new byte[SampleSize];
        var read = 0;
        Exception? failure = null;
        try
        {
            // One read: on a pipe, whatever has arrived decides, so a live input is not held back.
            read = stream.Read(sample, 0, sample.Length);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            // A short input that fails at its end (a truncated archive) still gives its lines first.
            failure = e;
        }
        var control = 0;
        for (var i = 0; i < read; i++)
        {
            var b = sample[i];
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n' and not 0x1b)
                control++;
        }
        if (read > 0 && (double)control / read > MaxControlShare)
            throw new InvalidDataException("binary content, not a log (use zcat or the right file)");
        return new PrefixedStream(sample[..read], failure is null ? stream : new FailingStream(failure, stream));
    }
}
