using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CchcPortal.Core.Loading;

/// <summary>
/// A fast reader for the front matter staff write: block mappings of "key: value" lines, block lists of "- value"
/// lines, and one-line values — plain, "double" or 'single' quoted scalars and [flow, lists] or { flow: mappings }.
/// It makes the same tree, with the same positions, as YamlDotNet (it feeds YamlDotNet's own loader the events its
/// parser would), in a quarter of the time and without the parser's shared string pool, which two cores contend for.
/// Anything else — comments, escapes, multi-line scalars, anchors, tags, empty values, any doubt — returns null and
/// the caller parses with YamlDotNet, which also reports the errors: this reader never decides that YAML is wrong.
/// <c>SimpleYamlTests</c> checks it against YamlDotNet on random front matter and on every test site.
/// </summary>
public static class SimpleYaml
{
    /// <summary>The mapping the YAML text is, or null when the text is outside this reader's subset.</summary>
    public static YamlMappingNode? TryParse(string yaml)
    {
        var events = new List<ParsingEvent>(32);
        if (!Read(yaml, events)) return null;
        var stream = new YamlStream();
        try { stream.Load(new Replay(events)); }
        catch (YamlException) { return null; }
        return stream.Documents[0].RootNode as YamlMappingNode;
    }

    private static bool Read(string s, List<ParsingEvent> events)
    {
        foreach (var c in s)
            if ((c < ' ' && c != '\n') || c is '\u007F' or '\uFEFF' or '\uFFFE' or '\uFFFF' || (c >= '\u0080' && c <= '\u009F') || char.IsSurrogate(c))
                return false;
        var reader = new Reader(s, events);
        return reader.Document();
    }

    /// <summary>A cursor over the lines of the text; each method reads one construct or returns false.</summary>
    private sealed class Reader(string s, List<ParsingEvent> events)
    {
        private int _pos;       // start of the current line
        private int _line = 1;

        public bool Document()
        {
            SkipBlankLines();
            if (_pos >= s.Length || Indent() != 0) return false;
            var at = new Mark(0, 1, 1);
            events.Add(new StreamStart(at, at));
            var first = new Mark(_pos, _line, 1);
            events.Add(new DocumentStart(null, null, true, first, first));
            if (!BlockMapping(0) || _pos < s.Length) return false;
            var last = new Mark(s.Length, _line, 1);
            events.Add(new DocumentEnd(true, last, last));
            events.Add(new StreamEnd(last, last));
            return true;
        }

        /// <summary>"key: value" lines at exactly <paramref name="indent"/> spaces, up to a line indented less.</summary>
        private bool BlockMapping(int indent)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            while (true)
            {
                SkipBlankLines();
                if (_pos >= s.Length) break;
                var ind = Indent();
                if (ind < indent) break;
                if (ind > indent) return false;                  // a continued scalar or a misaligned key
                int lineStart = _pos, end = LineEnd(), i = _pos + ind;
                Scalar? key;
                int next;
                if (s[i] is '"' or '\'') key = Scalar(i, end, lineStart, Mode.Block, out next);
                else
                {
                    next = i;
                    while (next < end && (char.IsAsciiLetterOrDigit(s[next]) || s[next] is '_' or '-')) next++;
                    key = next == i || s[i] == '-' ? null : Plain(s[i..next], At(i, lineStart), At(next, lineStart));
                }
                if (key is null || next >= end || s[next] != ':' || (next + 1 < end && s[next + 1] != ' ')) return false;
                if (!keys.Add(key.Value)) return false;        // a duplicate: YamlDotNet reports it
                if (keys.Count == 1) events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, key.Start, key.Start));
                events.Add(key);
                var v = next + 1;
                if (Skip(ref v, end))
                {
                    if (!Inline(v, end, lineStart)) return false;
                    NextLine();
                    continue;
                }
                // Nothing after the colon: a block list or a nested mapping on the lines below.
                NextLine();
                SkipBlankLines();
                if (_pos >= s.Length) return false;              // an empty value: YamlDotNet places its empty scalar
                var childIndent = Indent();
                var c = _pos + childIndent;
                if (s[c] == '-' && c + 1 < s.Length && s[c + 1] == ' ' && childIndent >= indent)
                {
                    if (!BlockSequence(childIndent)) return false;
                }
                else if (childIndent > indent)
                {
                    if (!BlockMapping(childIndent)) return false;
                }
                else return false;
            }
            if (keys.Count == 0) return false;
            var at = new Mark(_pos, _line, 1);
            events.Add(new MappingEnd(at, at));
            return true;
        }

        /// <summary>"- value" lines at exactly <paramref name="indent"/> spaces, each value on its line.</summary>
        private bool BlockSequence(int indent)
        {
            var items = 0;
            while (true)
            {
                SkipBlankLines();
                if (_pos >= s.Length) break;
                var ind = Indent();
                if (ind < indent) break;
                if (ind > indent) return false;
                int lineStart = _pos, end = LineEnd(), i = _pos + ind;
                if (s[i] != '-') break;                          // the next key of the mapping around
                if (i + 1 >= end || s[i + 1] != ' ') return false;
                var v = i + 1;
                if (!Skip(ref v, end) || s[v] == '-') return false;
                if (items++ == 0)
                {
                    var m = At(i, lineStart);
                    events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, m, m));
                }
                if (!Inline(v, end, lineStart)) return false;
                NextLine();
            }
            if (items == 0) return false;
            var at = new Mark(_pos, _line, 1);
            events.Add(new SequenceEnd(at, at));
            return true;
        }

        /// <summary>A value that starts at <paramref name="i"/> and ends with its line.</summary>
        private bool Inline(int i, int end, int lineStart) => FlowNode(ref i, end, lineStart, Mode.Block) && !Skip(ref i, end);

        private bool FlowNode(ref int i, int end, int lineStart, Mode mode)
        {
            if (s[i] == '[') return FlowSequence(ref i, end, lineStart);
            if (s[i] == '{') return FlowMapping(ref i, end, lineStart);
            if (Scalar(i, end, lineStart, mode, out var next) is not { } scalar) return false;
            events.Add(scalar);
            i = next;
            return true;
        }

        /// <summary>"[a, "b", {k: v}]" on one line.</summary>
        private bool FlowSequence(ref int i, int end, int lineStart)
        {
            var m = At(i, lineStart);
            events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, m, m));
            i++;
            if (!Skip(ref i, end)) return false;
            if (s[i] != ']')
                while (true)
                {
                    if (!FlowNode(ref i, end, lineStart, Mode.Flow) || !Skip(ref i, end)) return false;
                    if (s[i] == ']') break;
                    if (s[i] != ',') return false;
                    i++;
                    if (!Skip(ref i, end) || s[i] == ']') return false;   // "[a, ]" is left to YamlDotNet
                }
            var close = At(i, lineStart);
            events.Add(new SequenceEnd(close, close));
            i++;
            return true;
        }

        /// <summary>"{ k: v, k2: "w" }" on one line.</summary>
        private bool FlowMapping(ref int i, int end, int lineStart)
        {
            var m = At(i, lineStart);
            events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow, m, m));
            var keys = new HashSet<string>(StringComparer.Ordinal);
            i++;
            if (!Skip(ref i, end)) return false;
            if (s[i] != '}')
                while (true)
                {
                    if (Scalar(i, end, lineStart, Mode.FlowKey, out var next) is not { } key || !keys.Add(key.Value)) return false;
                    events.Add(key);
                    i = next;
                    if (i + 1 >= end || s[i] != ':' || s[i + 1] != ' ') return false;
                    i += 2;
                    if (!Skip(ref i, end) || !FlowNode(ref i, end, lineStart, Mode.Flow) || !Skip(ref i, end)) return false;
                    if (s[i] == '}') break;
                    if (s[i] != ',') return false;
                    i++;
                    if (!Skip(ref i, end) || s[i] == '}') return false;
                }
            var close = At(i, lineStart);
            events.Add(new MappingEnd(close, close));
            i++;
            return true;
        }

        private enum Mode { Block, Flow, FlowKey }

        /// <summary>A one-line scalar starting at <paramref name="i"/>; <paramref name="next"/> is just after it.</summary>
        private Scalar? Scalar(int i, int end, int lineStart, Mode mode, out int next)
        {
            next = i;
            var start = At(i, lineStart);
            var c = s[i];
            if (c == '"')
            {
                var close = s.IndexOf('"', i + 1, end - i - 1);
                if (close < 0 || s.IndexOf('\\', i + 1, close - i - 1) >= 0) return null;
                next = close + 1;
                return new Scalar(AnchorName.Empty, TagName.Empty, s[(i + 1)..close], ScalarStyle.DoubleQuoted, false, true, start, At(next, lineStart));
            }
            if (c == '\'')
            {
                var value = new System.Text.StringBuilder();
                var j = i + 1;
                while (true)
                {
                    var q = s.IndexOf('\'', j, end - j);
                    if (q < 0) return null;
                    value.Append(s, j, q - j);
                    if (q + 1 < end && s[q + 1] == '\'') { value.Append('\''); j = q + 2; continue; }
                    next = q + 1;
                    break;
                }
                return new Scalar(AnchorName.Empty, TagName.Empty, value.ToString(), ScalarStyle.SingleQuoted, false, true, start, At(next, lineStart));
            }
            if ("-?:,[]{}#&*!|>'\"%@`".Contains(c)) return null;
            var flow = mode != Mode.Block;
            var k = i;
            while (k < end)
            {
                var ch = s[k];
                if (ch == '#') return null;
                if (ch == ':' && (k + 1 == end || s[k + 1] == ' ' || (flow && s[k + 1] is ',' or '[' or ']' or '{' or '}')))
                {
                    if (mode == Mode.FlowKey && k + 1 < end && s[k + 1] == ' ') break;
                    return null;
                }
                if (flow && ch is ',' or '[' or ']' or '{' or '}') break;
                k++;
            }
            var last = k;
            while (last > i && s[last - 1] == ' ') last--;
            next = last;
            var text = s[i..last];
            if (text is "..." || text.StartsWith("---", StringComparison.Ordinal)) return null;
            return Plain(text, start, At(last, lineStart));
        }

        private Mark At(int index, int lineStart) => new(index, _line, index - lineStart + 1);

        /// <summary>Skips spaces; true when something is left on the line.</summary>
        private bool Skip(ref int i, int end)
        {
            while (i < end && s[i] == ' ') i++;
            return i < end;
        }

        private int Indent()
        {
            var i = _pos;
            while (i < s.Length && s[i] == ' ') i++;
            return i - _pos;
        }

        private int LineEnd() => s.IndexOf('\n', _pos) is var e and >= 0 ? e : s.Length;

        private void NextLine()
        {
            _pos = Math.Min(LineEnd() + 1, s.Length);
            _line++;
        }

        private void SkipBlankLines()
        {
            while (_pos < s.Length)
            {
                var end = LineEnd();
                for (var i = _pos; i < end; i++) if (s[i] != ' ') return;
                NextLine();
            }
        }
    }

    private static Scalar Plain(string value, Mark start, Mark end) =>
        new(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, true, false, start, end);

    /// <summary>Hands YamlDotNet's loader the events read above, as its parser would.</summary>
    private sealed class Replay(List<ParsingEvent> events) : IParser
    {
        private int _next;
        public ParsingEvent? Current { get; private set; }
        public bool MoveNext()
        {
            if (_next >= events.Count) { Current = null; return false; }
            Current = events[_next++];
            return true;
        }
    }
}
