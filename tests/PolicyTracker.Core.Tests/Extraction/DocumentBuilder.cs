using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Tests.Extraction;

/// <summary>Builds small documents block by block, independent of the readers.</summary>
internal sealed class DocumentBuilder
{
    private readonly System.Text.StringBuilder text = new();
    private readonly List<TextBlock> blocks = [];
    private TextSpan? lastParagraph;

    public DocumentBuilder Heading(string line) => Add(BlockKind.Heading, line, null);

    public DocumentBuilder Paragraph(string line) => Add(BlockKind.Paragraph, line, null);

    public DocumentBuilder Item(string line) => Add(BlockKind.ListItem, line, lastParagraph);

    public ExtractedDocument Build(string? title = null) =>
        new(text.ToString(), blocks, SourceFormat.Text, title);

    private DocumentBuilder Add(BlockKind kind, string line, TextSpan? context)
    {
        if (text.Length > 0)
        {
            text.Append("\n\n");
        }

        var span = new TextSpan(text.Length, text.Length + line.Length);
        text.Append(line);
        blocks.Add(new TextBlock(kind, span, context));
        if (kind != BlockKind.ListItem)
        {
            lastParagraph = span;
        }

        return this;
    }
}
