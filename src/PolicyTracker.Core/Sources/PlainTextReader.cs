using System.Text.RegularExpressions;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Sources;

/// <summary>
/// Reads plain text. The extracted text is the file itself; blocks come from its lines, because
/// the articles saved as text put each paragraph, list item and heading on a line of its own.
/// </summary>
internal static partial class PlainTextReader
{
    private const int MaxHeadingWords = 12;
    private const int MaxTitleWords = 15;

    public static ExtractedDocument Read(string text)
    {
        var lines = SplitLines(text);
        var blocks = new List<TextBlock>(lines.Count / 2);
        var lists = new List<ListLevel>();
        TextSpan? tableHeader = null;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                tableHeader = null;
                continue;
            }

            // A tab may follow a bullet ("•\tItem"); only tabs between cells make a table row.
            var item = ListMarker().Match(text, line.Content.Start, line.Content.Length);
            var body = item.Groups["body"];
            var itemSpan = new TextSpan(body.Index, line.Content.End);
            var isItem = item.Success && !text.AsSpan(itemSpan.Start, itemSpan.Length).Contains('\t');
            if (!isItem && line.IsTableRow(text))
            {
                var span = line.Content;
                blocks.Add(new TextBlock(BlockKind.TableRow, span, tableHeader));
                tableHeader ??= span;
                continue;
            }

            tableHeader = null;
            if (isItem)
            {
                var context = ListContext(text, blocks, lists, IndentLevel(text, line), item.Groups["marker"].Value);
                blocks.Add(new TextBlock(BlockKind.ListItem, itemSpan, context));
                continue;
            }

            if (BareMarker().IsMatch(text.AsSpan(line.Content.Start, line.Content.Length)))
            {
                // A marker with nothing after it is a stray separator, not text anyone can quote.
                continue;
            }

            var kind = IsHeading(text, lines, i) ? BlockKind.Heading : BlockKind.Paragraph;
            blocks.Add(new TextBlock(kind, line.Content));
        }

        return new ExtractedDocument(text, blocks, SourceFormat.Text, Title(text, lines));
    }

    /// <summary>
    /// The lead-in of a list item. Items of one list share the sentence before the list; an item
    /// indented deeper, or one with a different marker after an item ending in ':', starts a
    /// nested list whose lead-in is that parent item, because the parent is what the item completes.
    /// </summary>
    private static TextSpan? ListContext(string text, List<TextBlock> blocks, List<ListLevel> lists, int indent, string marker)
    {
        var previous = blocks.Count == 0 ? null : blocks[^1];
        var markerClass = MarkerClass(marker);
        if (previous is not { Kind: BlockKind.ListItem })
        {
            lists.Clear();
            TextSpan? leadIn = previous is { Kind: BlockKind.Paragraph or BlockKind.Heading }
                ? Sentences.Last(text.AsSpan(previous.Span.Start, previous.Span.Length), previous.Span.Start)
                : null;
            lists.Add(new ListLevel(indent, markerClass, leadIn));
            return leadIn;
        }

        for (var level = lists.Count - 1; level >= 0; level--)
        {
            if (lists[level].Indent == indent && lists[level].MarkerClass == markerClass)
            {
                lists.RemoveRange(level + 1, lists.Count - level - 1);
                return lists[level].Context;
            }
        }

        var top = lists[^1];
        var opensNested = indent > top.Indent || text[previous.Span.End - 1] == ':';
        var context = opensNested
            ? Sentences.Last(text.AsSpan(previous.Span.Start, previous.Span.Length), previous.Span.Start)
            : top.Context;
        lists.Add(new ListLevel(indent, markerClass, context));
        return context;
    }

    /// <summary>
    /// A short line standing on its own is a heading. Its neighbours decide "on its own": a run of
    /// lines with no blank or finished sentence between them is a table whose cells lost their
    /// separators, and a short line right before a list item is that list's lead-in.
    /// </summary>
    private static bool IsHeading(string text, List<Line> lines, int index)
    {
        var isTitle = !lines.Take(index).Any(l => !l.IsBlank);
        if (!LooksLikeHeading(text, lines[index].Content, allowLabel: isTitle))
        {
            return false;
        }

        if (index > 0 && !lines[index - 1].IsBlank)
        {
            var previous = lines[index - 1].Content;
            if (LooksLikeHeading(text, previous, allowLabel: false) || !EndsSentence(text[previous.End - 1]))
            {
                return false;
            }
        }

        if (index + 1 >= lines.Count || lines[index + 1].IsBlank)
        {
            return true;
        }

        var next = lines[index + 1];
        return !StartsList(text, next) && !LooksLikeHeading(text, next.Content, allowLabel: false);
    }

    private static bool EndsSentence(char last) => last is '.' or '!' or '?' or ':' or ';' or '…' or '"' or '”' or ')';

    private static bool LooksLikeHeading(string text, TextSpan content, bool allowLabel)
    {
        var line = text.AsSpan(content.Start, content.Length);
        if (line[^1] is '.' or ':' or ';' or ',' or '!' || (!char.IsUpper(line[0]) && !char.IsDigit(line[0])))
        {
            return false;
        }

        // "Estimated Time: 2-3 minutes" is a label and its value: a statement, not a heading.
        // A document's first line and "Step 2: Access Settings" are titles despite the colon.
        var colon = line.IndexOf(": ");
        if (!allowLabel && colon > 0 && colon < line.Length - 2 && !line.StartsWith("Step ", StringComparison.Ordinal))
        {
            return false;
        }

        return WordCount.Of(line) <= MaxHeadingWords;
    }

    private static bool StartsList(string text, Line line) =>
        ListMarker().Match(text, line.Content.Start, line.Content.Length).Success;

    private static string? Title(string text, List<Line> lines)
    {
        var first = lines.FirstOrDefault(l => !l.IsBlank);
        if (first.IsBlank)
        {
            return null;
        }

        var value = text.AsSpan(first.Content.Start, first.Content.Length);
        return WordCount.Of(value) <= MaxTitleWords ? value.ToString() : null;
    }

    // Tabs count as four columns and two columns make one level, so a one-space slip does not nest.
    private static int IndentLevel(string text, Line line)
    {
        var columns = 0;
        for (var i = line.Start; i < line.Content.Start; i++)
        {
            columns += text[i] == '\t' ? 4 : 1;
        }

        return columns / 2;
    }

    private static string MarkerClass(string marker) =>
        char.IsDigit(marker[0]) ? "1" : char.IsLetter(marker[0]) ? "a" : marker;

    private static List<Line> SplitLines(string text)
    {
        // Sized up front: a 50 MB document has a million lines, and growing the list copies them again and again.
        var lines = new List<Line>(text.AsSpan().Count('\n') + 1);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n' && text[i] != '\r')
            {
                continue;
            }

            lines.Add(Line.Create(text, start, i));
            if (i < text.Length - 1 && text[i] == '\r' && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        return lines;
    }

    private readonly record struct ListLevel(int Indent, string MarkerClass, TextSpan? Context);

    /// <summary>One line: where it starts, and its content without surrounding whitespace.</summary>
    private readonly record struct Line(int Start, TextSpan Content)
    {
        public bool IsBlank => Content.Length == 0;

        public static Line Create(string text, int start, int end)
        {
            var contentStart = start;
            while (contentStart < end && char.IsWhiteSpace(text[contentStart]))
            {
                contentStart++;
            }

            var contentEnd = end;
            while (contentEnd > contentStart && char.IsWhiteSpace(text[contentEnd - 1]))
            {
                contentEnd--;
            }

            return new Line(start, new TextSpan(contentStart, contentEnd));
        }

        public bool IsTableRow(string text) => text.AsSpan(Content.Start, Content.Length).Contains('\t');
    }

    // A bullet or a number/letter followed by '.' or ')', then whitespace and the item's text.
    [GeneratedRegex(@"\G(?<marker>[-*•◦▪▫‣●○■□·–]|\d{1,3}[.)]|[A-Za-z][.)])[ \t]+(?<body>\S)", RegexOptions.CultureInvariant)]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(?:[-*•◦▪▫‣●○■□·–]|\d{1,3}[.)])$", RegexOptions.CultureInvariant)]
    private static partial Regex BareMarker();
}
