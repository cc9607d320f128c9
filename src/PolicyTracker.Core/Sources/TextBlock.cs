using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Sources;

/// <summary>The structural role of a block of extracted text.</summary>
public enum BlockKind
{
    /// <summary>A heading or a short title line.</summary>
    Heading,

    /// <summary>A paragraph of running text.</summary>
    Paragraph,

    /// <summary>One item of a bulleted or numbered list.</summary>
    ListItem,

    /// <summary>One row of a table, cells separated in the text.</summary>
    TableRow,
}

/// <summary>
/// One block of a source's extracted text. <see cref="Context"/> is the text that gives the block
/// its meaning: the sentence introducing a list for a list item, the header row for a table row.
/// </summary>
public sealed record TextBlock(BlockKind Kind, TextSpan Span, TextSpan? Context = null);
