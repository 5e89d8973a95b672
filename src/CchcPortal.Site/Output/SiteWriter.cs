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

    /// <summary>
    /// Writes text as UTF-8 straight from a StringBuilder's chunks through a pooled buffer, so a rendered page needs
    /// neither a string nor a byte array of its own size (the bytes are the same as <see cref="WriteText(string, string)"/>).
    /// </summary>
    public void WriteText(string relPath, StringBuilder text) => WriteText(relPath, new CchcPortal.Site.Render.Layouts.PageText(text));

    /// <summary>As <see cref="WriteText(string, StringBuilder)"/>, for a page assembled from the renderer's buffers.</summary>
    public void WriteText(string relPath, CchcPortal.Site.Render.Layouts.PageText text)
    {
        var full = Path.Combine(_staging, relPath);
        EnsureDirectory(Path.GetDirectoryName(full)!);
        const int MaxChunkBytes = 8000 * 3 + 4; // a StringBuilder chunk holds at most 8,000 chars; UTF-8 needs ≤ 3 bytes each
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        long written = 0;
        try
        {
            // A handle and positioned writes: no stream object, no seek per file.
            using var file = File.OpenHandle(full, FileMode.Create, FileAccess.Write, FileShare.None);
            var encoder = Utf8.GetEncoder();
            int pos = 0;
            void Flush() { RandomAccess.Write(file, buffer.AsSpan(0, pos), written); written += pos; pos = 0; }
            foreach (var chunk in text.Chunks())
            {
                var chars = chunk.Span;
                while (!chars.IsEmpty)
                {
                    var take = Math.Min(chars.Length, 8000);
                    if (buffer.Length - pos < MaxChunkBytes) Flush();
                    encoder.Convert(chars[..take], buffer.AsSpan(pos), flush: false, out var used, out var bytes, out _);
                    pos += bytes;
                    chars = chars[used..];
                }
            }
            if (buffer.Length - pos < 16) Flush();
            encoder.Convert(ReadOnlySpan<char>.Empty, buffer.AsSpan(pos), flush: true, out _, out var last, out _);
            pos += last;
            Flush();
        }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
        Interlocked.Add(ref _bytes, written);
        Interlocked.Increment(ref _files);
    }

    public void WriteBytes(string relPath, ReadOnlySpan<byte> bytes)
    {
        var full = Path.Combine(_staging, relPath);
        EnsureDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        Interlocked.Add(ref _bytes, bytes.Length);
        Interlocked.Increment(ref _files);
    }

    /// <summary>Writes a file through a stream, so a large file needs no buffer of its own size; returns its size in bytes.</summary>
    public long Write(string relPath, Action<Stream> write)
    {
        var full = Path.Combine(_staging, relPath);
        EnsureDirectory(Path.GetDirectoryName(full)!);
        long size;
        // The writers given the stream (CSV, JSON, calendars, feeds) flush every kilobyte or so: into a pooled buffer,
        // written to the file in large blocks (a CSV file was nine write calls, a calendar twenty).
        using (var stream = new PooledFileStream(full))
        {
            write(stream);
            size = stream.Position;
        }
        Interlocked.Add(ref _bytes, size);
        Interlocked.Increment(ref _files);
        return size;
    }

    /// <summary>
    /// A write-only file stream whose buffer (256 KB) comes from the shared pool: a FileStream allocates its own buffer
    /// per file, and an unbuffered one makes a system call per write of the writer on top of it.
    /// </summary>
    private sealed class PooledFileStream(string path) : Stream
    {
        private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _file = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.None);
        private byte[]? _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(256 * 1024);
        private int _used;
        private long _flushed;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _flushed + _used;
        public override long Position { get => _flushed + _used; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> bytes)
        {
            var buffer = _buffer ?? throw new ObjectDisposedException(nameof(PooledFileStream));
            while (!bytes.IsEmpty)
            {
                if (_used == buffer.Length) WriteOut();
                var take = Math.Min(bytes.Length, buffer.Length - _used);
                bytes[..take].CopyTo(buffer.AsSpan(_used));
                _used += take;
                bytes = bytes[take..];
            }
        }

        public override void WriteByte(byte value) => Write([value]);

        /// <summary>Nothing: a writer flushing its own buffer must not cost a system call. The rest is written on Dispose.</summary>
        public override void Flush() { }

        private void WriteOut()
        {
            if (_used == 0 || _buffer is null) return;
            RandomAccess.Write(_file, _buffer.AsSpan(0, _used), _flushed);
            _flushed += _used;
            _used = 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _buffer is { } buffer)
            {
                try { WriteOut(); }
                finally
                {
                    _buffer = null;
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    _file.Dispose();
                }
            }
            base.Dispose(disposing);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
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
