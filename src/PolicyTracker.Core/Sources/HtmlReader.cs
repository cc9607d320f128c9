using AngleSharp.Dom;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Sources;

/// <summary>
/// Reads HTML with AngleSharp, which repairs malformed markup the way a browser does, and writes
/// the text a reader sees: hidden and non-text elements skipped, whitespace collapsed, one block
/// per paragraph, heading, list item and table row.
/// </summary>
/// <remarks>
/// Only the page's content is read: its <c>main</c> (or <c>role="main"</c>) element, else its
/// top-level <c>article</c> elements, else the body without navigation and without the page-level
/// header and footer (those outside any sectioning element, which is where the HTML standard
/// makes them the banner and content-info landmarks). Navigation is skipped wherever it is, even
/// a table of contents inside <c>main</c>; form controls and embedded media are skipped as chrome.
/// Images are dropped with their alt text: a quote must be text the reader can see.
/// </remarks>
internal sealed class HtmlReader
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "svg", "template", "head", "iframe", "object", "embed",
        "canvas", "audio", "video", "select", "textarea", "button", "input", "nav",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header",
        "hgroup", "html", "legend", "main", "p", "section", "summary", "td", "th", "tbody", "thead",
        "tfoot", "hr", "pre", "li", "ul", "ol", "menu", "table", "tr",
        "h1", "h2", "h3", "h4", "h5", "h6",
    };

    private static readonly HashSet<string> SectioningElements = new(StringComparer.Ordinal)
    {
        "article", "aside", "main", "nav", "section",
    };

    private readonly ExtractedTextBuilder builder;
    private readonly bool skipPageChrome;
    private readonly IReadOnlySet<string> disclosurePanels;
    private readonly Stack<Frame> frames = new();
    private TextSpan? tableHeader;
    private int tableRows;
    private int cellDepth;
    private int preDepth;

    private HtmlReader(ExtractedTextBuilder builder, bool skipPageChrome, IReadOnlySet<string> disclosurePanels)
    {
        this.builder = builder;
        this.skipPageChrome = skipPageChrome;
        this.disclosurePanels = disclosurePanels;
    }

    public static ExtractedDocument Read(string html, CancellationToken cancellationToken = default)
    {
        var document = Parse(html, cancellationToken);
        var builder = new ExtractedTextBuilder();
        ReadFragment(document, builder);
        return builder.Build(SourceFormat.Html, Title(document));
    }

    /// <summary>
    /// Parses markup under a <see cref="HtmlNestingGuard"/>, which refuses nesting that would make the parse slow or
    /// huge; <paramref name="cancellationToken"/> is checked before every token, so a time budget stops any parse.
    /// </summary>
    public static IDocument Parse(string html, CancellationToken cancellationToken)
    {
        // A string source is read without waiting, so the task has finished when it is returned.
        return HtmlNestingGuard.Parser().ParseDocumentAsync(html, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Writes the readable content of <paramref name="document"/> into <paramref name="builder"/>.</summary>
    public static void ReadFragment(IDocument document, ExtractedTextBuilder builder)
    {
        var panels = DisclosurePanels(document);
        var main = document.QuerySelectorAll("main, [role=main]").FirstOrDefault(e => IsShown(e, panels));
        IEnumerable<IElement> roots = main is not null
            ? [main]
            : document.QuerySelectorAll("article").Where(a => IsShown(a, panels) && a.ParentElement?.Closest("article") is null).ToList();
        var before = builder.Blocks.Count;
        foreach (var root in roots)
        {
            Walk(root, builder, skipPageChrome: false, panels);
        }

        // An empty main or article is a layout shell; the text is then elsewhere in the body.
        if (builder.Blocks.Count == before && document.Body is { } body)
        {
            Walk(body, builder, skipPageChrome: true, panels);
        }
    }

    /// <summary>
    /// The ids of the panels that a button opens and closes (<c>aria-controls</c> on an element with
    /// <c>aria-expanded</c>): a collapsed FAQ answer or accordion section is the page's text, shown with one click,
    /// though it is marked hidden until then.
    /// </summary>
    private static HashSet<string> DisclosurePanels(IDocument document) =>
        document.QuerySelectorAll("[aria-expanded][aria-controls]")
            .SelectMany(e => e.GetAttribute("aria-controls")!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

    private static void Walk(IElement root, ExtractedTextBuilder builder, bool skipPageChrome, IReadOnlySet<string> disclosurePanels)
    {
        var reader = new HtmlReader(builder, skipPageChrome, disclosurePanels);
        reader.VisitChildren(root);
        reader.Flush();
    }

    private static string? Title(IDocument document)
    {
        var title = Collapse(document.Title);
        if (title.Length == 0)
        {
            title = Collapse(document.QuerySelector("h1")?.TextContent);
        }

        return title.Length == 0 ? null : title;
    }

    private static string Collapse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var visible = value.Where(c => !ExtractedTextBuilder.IsInvisible(c)).ToArray();
        return string.Join(' ', new string(visible).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>True when neither the element nor any ancestor is hidden or skipped content.</summary>
    private static bool IsShown(IElement element, IReadOnlySet<string> disclosurePanels)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (IsHidden(e, disclosurePanels) || Skipped.Contains(e.LocalName))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHidden(IElement element, IReadOnlySet<string> disclosurePanels)
    {
        if (disclosurePanels.Count > 0 && element.Id is { Length: > 0 } id && disclosurePanels.Contains(id))
        {
            return false;
        }

        if (element.HasAttribute("hidden")
            || string.Equals(element.GetAttribute("aria-hidden")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }

        var compact = string.Concat(style.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal)
            || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private bool IsSkipped(IElement element)
    {
        if (Skipped.Contains(element.LocalName) || IsHidden(element, disclosurePanels))
        {
            return true;
        }

        if (element.GetAttribute("role") is "navigation")
        {
            return true;
        }

        return skipPageChrome
            && element.LocalName is "header" or "footer"
            && !element.Ancestors<IElement>().Any(a => SectioningElements.Contains(a.LocalName));
    }

    private Frame Current => frames.Count == 0 ? Frame.Paragraph : frames.Peek();

    private void VisitChildren(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            Visit(child);
        }
    }

    private void Visit(INode node)
    {
        if (node is IText text)
        {
            if (preDepth > 0 && cellDepth == 0)
            {
                builder.AppendPreformatted(text.Data);
            }
            else
            {
                builder.Append(text.Data);
            }

            return;
        }

        if (node is not IElement element || IsSkipped(element))
        {
            return;
        }

        var name = element.LocalName;
        if (cellDepth > 0)
        {
            // Inside a table cell everything flows into the row's one line.
            var isBlock = name == "br" || Blocks.Contains(name);
            if (isBlock)
            {
                builder.Space();
            }

            VisitChildren(element);
            if (isBlock)
            {
                builder.Space();
            }

            return;
        }

        switch (name)
        {
            case "br" when builder.EndsWithLineBreak:
                // Two line breaks in a row are how older pages separate paragraphs.
                Flush();
                break;
            case "br":
                builder.LineBreak();
                break;
            case "hr":
                Flush();
                break;
            case "img":
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                VisitBlock(element, new Frame(BlockKind.Heading, null));
                break;
            case "ul" or "ol" or "menu":
                VisitList(element);
                break;
            case "li":
                VisitBlock(element, new Frame(BlockKind.ListItem, ListContext()));
                break;
            case "table":
                VisitTable(element);
                break;
            case "tr":
                VisitRow(element);
                break;
            case "pre":
                preDepth++;
                VisitGenericBlock(element);
                preDepth--;
                break;
            default:
                if (Blocks.Contains(name))
                {
                    VisitGenericBlock(element);
                }
                else
                {
                    VisitChildren(element);
                }

                break;
        }
    }

    /// <summary>Ends the open block with the kind and lead-in of the innermost block element being read.</summary>
    private void Flush()
    {
        var frame = Current;
        var span = builder.EndBlock(frame.Kind, frame.Context);
        frame.FirstSpan ??= span;
    }

    private void VisitBlock(IElement element, Frame frame)
    {
        Flush();
        frames.Push(frame);
        VisitChildren(element);
        Flush();
        frames.Pop();
    }

    private void VisitGenericBlock(IElement element)
    {
        // A paragraph or div inside a list item or heading still belongs to it: only the block boundary changes.
        if (Current.Kind is BlockKind.ListItem or BlockKind.Heading)
        {
            Flush();
            VisitChildren(element);
            Flush();
        }
        else
        {
            VisitBlock(element, new Frame(BlockKind.Paragraph, null));
        }
    }

    private void VisitList(IElement list)
    {
        Flush();

        // A nested list is introduced by its parent item; a top-level one by the sentence before it.
        var enclosingItem = frames.FirstOrDefault(f => f.Kind == BlockKind.ListItem);
        var leadIn = enclosingItem is not null
            ? enclosingItem.FirstSpan ?? enclosingItem.Context
            : builder.LastBlock is { Kind: BlockKind.Paragraph or BlockKind.Heading } previous
                ? builder.LastSentenceOf(previous.Span)
                : null;
        VisitBlock(list, new Frame(BlockKind.Paragraph, null) { ListLeadIn = leadIn, IsList = true });
    }

    private TextSpan? ListContext()
    {
        var list = frames.FirstOrDefault(f => f.IsList);
        if (list is not null)
        {
            return list.ListLeadIn;
        }

        // An li outside ul/ol is still a list item; its lead-in is whatever paragraph came just before.
        return builder.LastBlock is { Kind: BlockKind.Paragraph or BlockKind.Heading } previous
            ? builder.LastSentenceOf(previous.Span)
            : null;
    }

    private void VisitTable(IElement table)
    {
        var (outerHeader, outerRows) = (tableHeader, tableRows);
        (tableHeader, tableRows) = (null, 0);
        VisitBlock(table, new Frame(BlockKind.Paragraph, null));
        (tableHeader, tableRows) = (outerHeader, outerRows);
    }

    private void VisitRow(IElement row)
    {
        Flush();
        var cells = row.Children.Where(c => c.LocalName is "td" or "th" && !IsSkipped(c)).ToList();
        var isHeader = row.ParentElement?.LocalName == "thead"
            || (tableHeader is null && tableRows == 0 && cells.Count > 0 && cells.All(c => c.LocalName == "th"));

        cellDepth++;
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                builder.CellSeparator();
            }

            VisitChildren(cells[i]);
        }

        cellDepth--;
        var span = builder.EndBlock(BlockKind.TableRow, isHeader ? null : tableHeader);
        if (span is not null)
        {
            tableRows++;
            if (isHeader)
            {
                tableHeader ??= span;
            }
        }
    }

    /// <summary>A block element being read: the kind its text gets, and for lists the lead-in of their items.</summary>
    private sealed class Frame(BlockKind kind, TextSpan? context)
    {
        public static Frame Paragraph => new(BlockKind.Paragraph, null);

        public BlockKind Kind { get; } = kind;

        public TextSpan? Context { get; } = context;

        public bool IsList { get; init; }

        public TextSpan? ListLeadIn { get; init; }

        /// <summary>The first block written for this element; a nested list's items take it as their lead-in.</summary>
        public TextSpan? FirstSpan { get; set; }
    }
}
