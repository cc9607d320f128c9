using System.Text;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Sources;

/// <summary>
/// Builds the extracted text of a Markdown or HTML source block by block and records each block's
/// span as it is written, so offsets never have to be found again by searching the text.
/// </summary>
/// <remarks>
/// Inline text is collapsed the way a browser renders it: any run of whitespace (no-break spaces
/// included, so a block never starts or ends in one) becomes one space, and zero-width characters
/// and soft hyphens are dropped. Blocks are separated by a blank line.
/// </remarks>
internal sealed class ExtractedTextBuilder
{
    private const string BlockSeparator = "\n\n";

    private readonly StringBuilder text = new();
    private readonly List<TextBlock> blocks = [];

    // Start of the open block's text, or -1 while nothing visible has been written since the last block ended.
    private int blockStart = -1;
    private bool pendingSpace;

    /// <summary>The blocks ended so far, in document order.</summary>
    public IReadOnlyList<TextBlock> Blocks => blocks;

    /// <summary>The most recently ended block, or null before the first.</summary>
    public TextBlock? LastBlock => blocks.Count == 0 ? null : blocks[^1];

    /// <summary>True when the open block's last character is a line break.</summary>
    public bool EndsWithLineBreak => blockStart >= 0 && text[^1] == '\n';

    /// <summary>Appends inline text, collapsing whitespace.</summary>
    public void Append(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                Space();
            }
            else
            {
                Put(c);
            }
        }
    }

    /// <summary>Appends preformatted text: whitespace inside the block is kept as written.</summary>
    public void AppendPreformatted(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsInvisible(c) || (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n'))
            {
                continue;
            }

            if (c == '\r')
            {
                c = '\n';
            }

            // Leading whitespace would put the block's start on a blank; the span is trimmed by contract.
            if (blockStart < 0 && char.IsWhiteSpace(c))
            {
                continue;
            }

            Put(c);
        }
    }

    /// <summary>Requests a single space before the next visible character (a collapsed whitespace run).</summary>
    public void Space()
    {
        if (blockStart >= 0 && text[^1] != '\n')
        {
            pendingSpace = true;
        }
    }

    /// <summary>Starts a new line inside the open block, as <c>&lt;br&gt;</c> or a hard line break does.</summary>
    public void LineBreak()
    {
        pendingSpace = false;
        if (blockStart >= 0)
        {
            text.Append('\n');
        }
    }

    /// <summary>Separates two table cells with <c>" | "</c>; an empty cell leaves an empty slot between bars.</summary>
    public void CellSeparator()
    {
        if (blockStart >= 0)
        {
            pendingSpace = false;
            text.Append(' ');
        }

        Put('|');
        pendingSpace = true;
    }

    /// <summary>
    /// Ends the open block and records it with <paramref name="kind"/> and <paramref name="context"/>.
    /// Returns its span, or null when the block held no visible text (nothing is recorded then).
    /// </summary>
    public TextSpan? EndBlock(BlockKind kind, TextSpan? context)
    {
        pendingSpace = false;
        if (blockStart < 0)
        {
            return null;
        }

        while (text.Length > blockStart && char.IsWhiteSpace(text[^1]))
        {
            text.Length--;
        }

        var span = new TextSpan(blockStart, text.Length);
        blockStart = -1;
        blocks.Add(new TextBlock(kind, span, context));
        return span;
    }

    /// <summary>The span of the last sentence of a block already ended.</summary>
    public TextSpan LastSentenceOf(TextSpan block) =>
        Sentences.Last(text.ToString(block.Start, block.Length), block.Start);

    /// <summary>The visible text of a block already ended.</summary>
    public string Slice(TextSpan span) => text.ToString(span.Start, span.Length);

    /// <summary>The finished document.</summary>
    public ExtractedDocument Build(SourceFormat format, string? title) =>
        new(text.ToString(), blocks.ToArray(), format, title);

    /// <summary>Characters a browser does not draw and that would break word matching in quotes.</summary>
    public static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    private void Put(char c)
    {
        if (blockStart < 0)
        {
            if (text.Length > 0)
            {
                text.Append(BlockSeparator);
            }

            blockStart = text.Length;
        }
        else if (pendingSpace)
        {
            text.Append(' ');
        }

        pendingSpace = false;
        text.Append(c);
    }
}
