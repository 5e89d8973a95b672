using System.Text;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Text;

namespace CchcPortal.Core.Loading;

/// <summary>Reads a file as strict UTF-8 (BOM allowed), normalised to NFC; reports non-UTF-8 and legacy-encoded text.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    public const int LargeFileBytes = 2 * 1024 * 1024;

    public static string? Read(string fullPath, string relPath, DiagnosticBag bag)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(fullPath); }
        catch (IOException e) { bag.Add(Diagnostic.CannotRead(relPath, e.Message)); return null; }
        catch (UnauthorizedAccessException e) { bag.Add(Diagnostic.CannotRead(relPath, e.Message)); return null; }
        return Decode(bytes, relPath, bag);
    }

    public static string? Decode(byte[] bytes, string relPath, DiagnosticBag bag)
    {
        if (bytes.Length > LargeFileBytes) bag.Add(Diagnostic.LargeFile(relPath, bytes.Length / 1024));
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        string text;
        try { text = Strict.GetString(span); }
        catch (DecoderFallbackException e)
        {
            var offset = e.Index >= 0 ? e.Index : 0;
            var (line, col) = LineColumnOfByte(span, offset);
            // Old office files are often TCVN3 or VNI bytes: then say which and how to convert, not only "not UTF-8".
            var latin1 = System.Text.Encoding.Latin1.GetString(span);
            if (LegacyEncodingDetector.Detect(latin1) is { } old && LegacyEncodingDetector.Sample(latin1) is { } word)
                bag.Add(Diagnostic.LegacyEncoded(new(relPath, line, col), old, word));
            else bag.Add(Diagnostic.NotUtf8(new(relPath, line, col), offset));
            return null;
        }
        text = TextFold.ToNfc(text.Replace("\r\n", "\n"));
        if (LegacyEncodingDetector.Detect(text) is { } legacy)
        {
            var sample = LegacyEncodingDetector.Sample(text) ?? "";
            var (line, col) = LineColumnOf(text, sample);
            bag.Add(Diagnostic.LegacyEncoded(new(relPath, line, col), legacy, sample));
        }
        return text;
    }

    private static (int Line, int Col) LineColumnOfByte(ReadOnlySpan<byte> bytes, int offset)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
        return (line, offset - lineStart + 1);
    }

    private static (int Line, int Col) LineColumnOf(string text, string sample)
    {
        var at = sample.Length > 0 ? text.IndexOf(sample, StringComparison.Ordinal) : -1;
        if (at < 0) return (1, 1);
        var line = 1 + text.AsSpan(0, at).Count('\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
        if (at == 0) lineStart = 0;
        return (line, at - lineStart + 1);
    }
}
