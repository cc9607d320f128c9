using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Sources;

/// <summary>
/// Reads Markdown with Markdig and writes the visible text of each block: link text without its
/// URL, emphasis without its markers, inline code as text, images and inline HTML tags dropped.
/// Code blocks are kept as paragraphs with their line breaks (policies quote settings and API
/// fields in them); raw HTML blocks are read by the HTML reader's rules; front matter is skipped.
/// </summary>
internal sealed class MarkdownReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseYamlFrontMatter()
        .Build();

    private readonly ExtractedTextBuilder builder = new();
    private readonly CancellationToken cancellationToken;
    private string? title;

    private MarkdownReader(CancellationToken cancellationToken)
    {
        this.cancellationToken = cancellationToken;
    }

    public static ExtractedDocument Read(string markdown, CancellationToken cancellationToken = default)
    {
        MarkdownDocument parsed;
        try
        {
            parsed = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException ex)
        {
            // Markdig refuses input nested beyond its depth limit rather than overflow the stack.
            throw new SourceRejectedException("markup nested too deeply to read", ex);
        }

        var reader = new MarkdownReader(cancellationToken);
        reader.VisitChildren(parsed, item: null);
        return reader.builder.Build(SourceFormat.Markdown, reader.title);
    }

    /// <summary>Visits a container's blocks; <paramref name="item"/> is the list item they belong to, if any.</summary>
    private void VisitChildren(ContainerBlock container, ItemState? item)
    {
        foreach (var block in container)
        {
            Visit(block, item);
        }
    }

    private void Visit(Block block, ItemState? item)
    {
        switch (block)
        {
            case YamlFrontMatterBlock or ThematicBreakBlock or LinkReferenceDefinitionGroup:
                break;
            case HeadingBlock heading:
                var headingSpan = WriteInlines(heading.Inline, BlockKind.Heading, context: null);
                if (title is null && headingSpan is { } span)
                {
                    title = builder.Slice(span);
                }

                break;
            case ParagraphBlock paragraph:
                // Every paragraph of a list item is part of that item, so each keeps the item's lead-in.
                var written = item is null
                    ? WriteInlines(paragraph.Inline, BlockKind.Paragraph, context: null)
                    : WriteInlines(paragraph.Inline, BlockKind.ListItem, item.Context);
                if (item is not null)
                {
                    item.Span ??= written;
                }

                break;
            case ListBlock list:
                VisitList(list, item);
                break;
            case Table table:
                VisitTable(table);
                break;
            case HtmlBlock html when html.Type != HtmlBlockType.Comment:
                HtmlReader.ReadFragment(HtmlReader.Parse(html.Lines.ToString(), cancellationToken), builder);
                break;
            case CodeBlock code:
                builder.AppendPreformatted(code.Lines.ToString());
                builder.EndBlock(item is null ? BlockKind.Paragraph : BlockKind.ListItem, item?.Context);
                break;
            case ContainerBlock container:
                VisitChildren(container, item);
                break;
            default:
                break;
        }
    }

    private void VisitList(ListBlock list, ItemState? parent)
    {
        // A nested list is introduced by its parent item; a top-level one by the sentence before it.
        var context = parent is not null
            ? parent.Span ?? parent.Context
            : builder.LastBlock is { Kind: BlockKind.Paragraph or BlockKind.Heading } previous
                ? builder.LastSentenceOf(previous.Span)
                : null;

        foreach (var child in list)
        {
            if (child is ListItemBlock listItem)
            {
                VisitChildren(listItem, new ItemState(context));
            }
            else
            {
                Visit(child, parent);
            }
        }
    }

    private void VisitTable(Table table)
    {
        TextSpan? header = null;
        foreach (var row in table.OfType<TableRow>())
        {
            var first = true;
            foreach (var cell in row.OfType<TableCell>())
            {
                if (!first)
                {
                    builder.CellSeparator();
                }

                first = false;
                foreach (var leaf in cell.Descendants<LeafBlock>())
                {
                    WriteInline(leaf.Inline);
                    builder.Space();
                }
            }

            var span = builder.EndBlock(BlockKind.TableRow, row.IsHeader ? null : header);
            if (row.IsHeader && header is null)
            {
                header = span;
            }
        }
    }

    private TextSpan? WriteInlines(ContainerInline? inlines, BlockKind kind, TextSpan? context)
    {
        WriteInline(inlines);
        return builder.EndBlock(kind, context);
    }

    private void WriteInline(Inline? inline)
    {
        switch (inline)
        {
            case null or HtmlInline:
                break;
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                // An autolink's URL is the text the reader sees.
                builder.Append(autolink.Url);
                break;
            case LineBreakInline lineBreak:
                if (lineBreak.IsHard)
                {
                    builder.LineBreak();
                }
                else
                {
                    builder.Space();
                }

                break;
            case LinkInline { IsImage: true }:
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    WriteInline(child);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>The list item being read: its lead-in, and the span of its first block once written.</summary>
    private sealed class ItemState(TextSpan? context)
    {
        public TextSpan? Context { get; } = context;

        public TextSpan? Span { get; set; }
    }
}
