using System.Text;

namespace CchcPortal.Site.Output;

/// <summary>
/// Write: everything goes into a fresh staging folder beside the output, which is swapped in only when the whole
/// build succeeded — a failed build leaves the last good site untouched.
/// </summary>
public sealed class SiteWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _output;
    private readonly string _staging;
    private bool _committed;
    private long _bytes;
    private int _files;
    // Folders already created: 18,000 pages share a few thousand folders, and each CreateDirectory is a stat or mkdir per level.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _dirs = new(StringComparer.Ordinal);

    public string StagingDir => _staging;
    public long Bytes => Interlocked.Read(ref _bytes);
    public int Files => _files;

    public SiteWriter(string output)
    {
        _output = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        _staging = $"{_output}.staging-{Environment.ProcessId}";
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
        Directory.CreateDirectory(_staging);
    }

    public void WriteText(string relPath, string text) => WriteBytes(relPath, Utf8.GetBytes(text));

    public void WriteBytes(string relPath, byte[] bytes)
    {
        var full = Path.Combine(_staging, relPath);
        EnsureDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        Interlocked.Add(ref _bytes, bytes.Length);
        Interlocked.Increment(ref _files);
    }

    private void EnsureDirectory(string dir)
    {
        if (_dirs.ContainsKey(dir)) return;
        Directory.CreateDirectory(dir);
        _dirs.TryAdd(dir, true);
    }

    public void Copy(string relPath, string sourceFile)
    {
        var full = Path.Combine(_staging, relPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Copy(sourceFile, full, overwrite: true);
        Interlocked.Add(ref _bytes, new FileInfo(full).Length);
        Interlocked.Increment(ref _files);
    }

    /// <summary>Swaps the staging folder in place of the output: rename the old away, rename the new in, delete the old.</summary>
    public void Commit()
    {
        var old = $"{_output}.old-{Environment.ProcessId}";
        if (Directory.Exists(_output)) Directory.Move(_output, old);
        Directory.Move(_staging, _output);
        _committed = true;
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
    }
}
