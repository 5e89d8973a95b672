namespace CchcPortal.Site.Render.Layouts;

/// <summary>
/// A rendered page in the renderer's buffers, valid only during the call it is passed to: the chrome (<c>_base</c>) with
/// the inner page inserted at <see cref="At"/>, so the inner page is never copied into the chrome's buffer.
/// </summary>
public readonly struct PageText(System.Text.StringBuilder chrome, System.Text.StringBuilder? inner = null, int at = 0)
{
    public int At => at;

    public IEnumerable<ReadOnlyMemory<char>> Chunks()
    {
        var offset = 0;
        var inserted = inner is null;
        foreach (var chunk in chrome.GetChunks())
        {
            if (!inserted && offset + chunk.Length >= at)
            {
                var split = at - offset;
                if (split > 0) yield return chunk[..split];
                foreach (var part in inner!.GetChunks()) yield return part;
                inserted = true;
                if (split < chunk.Length) yield return chunk[split..];
            }
            else yield return chunk;
            offset += chunk.Length;
        }
        if (!inserted) foreach (var part in inner!.GetChunks()) yield return part;
    }

    public override string ToString()
    {
        var sb = new System.Text.StringBuilder(chrome.Length + (inner?.Length ?? 0));
        foreach (var chunk in Chunks()) sb.Append(chunk.Span);
        return sb.ToString();
    }
}
