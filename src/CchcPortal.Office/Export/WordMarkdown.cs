using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdAlign = Markdig.Extensions.Tables.TableColumnAlign;
using MdCell = Markdig.Extensions.Tables.TableCell;
using MdRow = Markdig.Extensions.Tables.TableRow;
using MdTable = Markdig.Extensions.Tables.Table;

namespace CchcPortal.Office.Export;

/// <summary>
/// A report's Markdown body as Word paragraphs, the way an official document writes them: headings in bold, paragraphs
/// justified with the first line indented, list items led by "-" (or "+" nested, "1." numbered), tables with borders,
/// quotes in italics. Raw HTML keeps its text, never its tags. Links keep their text, and their address when it differs.
/// </summary>
internal static partial class WordMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseAutoLinks().UseEmphasisExtras().UseListExtras().Build();

    public static IEnumerable<OpenXmlElement> Blocks(string markdown, int textWidth)
    {
        var doc = Markdown.Parse(markdown, Pipeline);
        var output = new List<OpenXmlElement>();
        foreach (var block in doc) Block(block, output, new Context(textWidth, 0, false));
        return output;
    }

    private sealed record Context(int Width, int Depth, bool Italic);

    private static void Block(Block block, List<OpenXmlElement> output, Context cx)
    {
        switch (block)
        {
            case HeadingBlock h:
                var look = (h.Level <= 2 ? Word.Look.Bold : h.Level == 3 ? Word.Look.Bold | Word.Look.Italic : Word.Look.Italic) | Italic(cx);
                output.Add(Word.Body(Inlines(h.Inline, look), keepNext: true));
                break;
            case ParagraphBlock p:
                output.Add(Word.Body(Inlines(p.Inline, Italic(cx))));
                break;
            case ListBlock list:
                List(list, output, cx);
                break;
            case QuoteBlock quote:
                foreach (var child in quote) Block(child, output, cx with { Italic = true });
                break;
            case MdTable table:
                output.Add(Table(table, cx.Width));
                output.Add(Word.Para([], after: 0));
                break;
            case HtmlBlock html:
                var text = HtmlText(string.Join("\n", html.Lines.Lines.Take(html.Lines.Count).Select(l => l.ToString())));
                if (text.Length > 0) output.Add(Word.Body(text, Italic(cx)));
                break;
            case CodeBlock code:
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count)) output.Add(Word.Para([Word.Run(line.ToString())], JustificationValues.Left, left: (int)(1.27 * Word.Cm), after: 0));
                break;
            case ContainerBlock container:
                foreach (var child in container) Block(child, output, cx);
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                output.Add(Word.Body(Inlines(leaf.Inline, Italic(cx))));
                break;
        }
    }

    private static Word.Look Italic(Context cx) => cx.Italic ? Word.Look.Italic : Word.Look.None;

    private static void List(ListBlock list, List<OpenXmlElement> output, Context cx)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var delimiter = list.OrderedDelimiter == ')' ? ")" : ".";
            var marker = list.IsOrdered ? $"{number++}{delimiter} " : cx.Depth == 0 ? "- " : "+ ";
            var first = true;
            foreach (var child in item)
            {
                if (first && child is ParagraphBlock para)
                {
                    var runs = new List<OpenXmlElement> { Word.Run(marker, Italic(cx)) };
                    runs.AddRange(Inlines(para.Inline, Italic(cx)));
                    output.Add(Word.Para(runs, JustificationValues.Both, firstLine: (int)(1.27 * Word.Cm) + cx.Depth * Word.Cm / 2));
                }
                else if (child is ListBlock nested) List(nested, output, cx with { Depth = cx.Depth + 1 });
                else Block(child, output, cx);
                first = false;
            }
        }
    }

    private static Table Table(MdTable table, int width)
    {
        var rows = table.OfType<MdRow>().ToList();
        var columns = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        var widths = Enumerable.Repeat(width / columns, columns).ToArray();
        var result = Word.Table(widths, borders: true);
        foreach (var row in rows)
        {
            var tr = Word.Row(header: row.IsHeader, cantSplit: true);
            for (var c = 0; c < columns; c++)
            {
                var cell = c < row.Count ? row[c] as MdCell : null;
                var align = c < table.ColumnDefinitions.Count ? table.ColumnDefinitions[c].Alignment switch
                {
                    MdAlign.Center => JustificationValues.Center,
                    MdAlign.Right => JustificationValues.Right,
                    _ => JustificationValues.Left,
                } : JustificationValues.Left;
                var paragraphs = cell?.OfType<ParagraphBlock>()
                    .Select(p => (OpenXmlElement)Word.Para(Inlines(p.Inline, row.IsHeader ? Word.Look.Bold : Word.Look.None, 12), row.IsHeader ? JustificationValues.Center : align, after: 0))
                    .ToList() ?? [];
                tr.Append(Word.Cell(widths[c], paragraphs));
            }
            result.Append(tr);
        }
        return result;
    }

    private static List<OpenXmlElement> Inlines(ContainerInline? inlines, Word.Look look, double? size = null)
    {
        var runs = new List<OpenXmlElement>();
        if (inlines is not null) Inline(inlines, look, size, runs);
        return runs;
    }

    private static void Inline(Inline inline, Word.Look look, double? size, List<OpenXmlElement> runs)
    {
        switch (inline)
        {
            case LiteralInline literal: runs.Add(Word.Run(literal.Content.ToString(), look, size)); break;
            case CodeInline code: runs.Add(Word.Run(code.Content, look, size)); break;
            case AutolinkInline auto: runs.Add(Word.Run(auto.Url, look, size)); break;
            case HtmlEntityInline entity: runs.Add(Word.Run(entity.Transcoded.ToString(), look, size)); break;
            case HtmlInline: break; // a tag: its text, if any, is in the literals around it
            case LineBreakInline br:
                if (br.IsHard) runs.Add(new Run(new Break())); else runs.Add(Word.Run(" ", look, size));
                break;
            case EmphasisInline em:
                var more = em.DelimiterChar is '*' or '_' ? em.DelimiterCount >= 2 ? Word.Look.Bold : Word.Look.Italic : Word.Look.None;
                foreach (var child in em) Inline(child, look | more, size, runs);
                break;
            case LinkInline link:
                var before = runs.Count;
                foreach (var child in link) Inline(child, look, size, runs);
                var shown = string.Concat(runs.Skip(before).Select(r => r.InnerText));
                if (!link.IsImage && link.Url is { Length: > 0 } url && url != shown && !url.StartsWith('#')) runs.Add(Word.Run($" ({url})", look, size));
                break;
            case ContainerInline container:
                foreach (var child in container) Inline(child, look, size, runs);
                break;
        }
    }

    /// <summary>The text of raw HTML: scripts and styles dropped whole, other tags dropped, entities of the usual five decoded, spaces collapsed.</summary>
    private static string HtmlText(string html)
    {
        var text = Tag().Replace(ScriptOrStyle().Replace(html, " "), " ");
        text = text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&quot;", "\"").Replace("&#39;", "'").Replace("&nbsp;", " ").Replace("&amp;", "&");
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();
    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
