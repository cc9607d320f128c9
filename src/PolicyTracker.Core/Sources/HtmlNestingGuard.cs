using System.Globalization;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace PolicyTracker.Core.Sources;

/// <summary>
/// Follows the tokens of one HTML parse with a small model of the parser's stack of open elements and its list of
/// active formatting elements, and refuses the markup as soon as either grows past what real pages need.
/// </summary>
/// <remarks>
/// The HTML tree builder does work in proportion to the open elements for most tokens, and copies every formatting
/// element left open by misnesting (<c>&lt;p&gt;&lt;b&gt;x&lt;/p&gt;</c>) each time text follows. Unclosed tags and
/// misnested inline tags repeated over a large file therefore cost time that grows with the square of its size, and
/// copies that can fill memory, although the parser keeps the finished tree no deeper than 512 elements. The model
/// applies the rules that close elements implicitly (a paragraph before a block, a list item before the next, a
/// cell before the next cell or row) and the reconstruction of formatting elements, so it counts what the parser
/// really keeps open; each token costs it constant time, or time bounded by <see cref="MaxOpenElements"/>.
/// It is a guard, not a second parser: where it is unsure it counts an element as open, which only makes it
/// stricter, and the limits sit far above any page a person writes.
/// </remarks>
internal sealed class HtmlNestingGuard
{
    /// <summary>More open elements than this at once is refused.</summary>
    public const int MaxOpenElements = 512;

    /// <summary>Copies of formatting elements allowed beyond one per start tag.</summary>
    public const int FreeCopies = 10_000;

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "html", "head", "body", "frameset" };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    private static readonly HashSet<string> Markers = new(StringComparer.Ordinal)
    {
        "applet", "caption", "marquee", "object", "template", "td", "th",
    };

    private static readonly HashSet<string> ScopeBoundaries = new(StringComparer.Ordinal)
    {
        "applet", "caption", "html", "marquee", "object", "table", "td", "template", "th",
    };

    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "search", "section", "summary",
        "table", "ul", "xmp",
    };

    private static readonly HashSet<string> TableSections = new(StringComparer.Ordinal)
    {
        "caption", "colgroup", "tbody", "tfoot", "thead",
    };

    private static readonly HashSet<string> TableParts = new(StringComparer.Ordinal)
    {
        "caption", "colgroup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    };

    private static readonly HashSet<string> Special = new(StringComparer.Ordinal)
    {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
        "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed",
        "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main",
        "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext",
        "pre", "script", "search", "section", "select", "source", "style", "summary", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp",
    };

    private readonly List<Open> stack = [];

    // Null entries are the markers a cell, caption or object puts in the list so formatting does not leak out of it.
    private readonly List<Open?> formatting = [];
    private long startTags;
    private long copies;
    private int foreignDepth;

    /// <summary>A parser that reports every token to a new guard.</summary>
    public static HtmlParser Parser() => new(new HtmlParserOptions { OnToken = new HtmlNestingGuard().Observe });

    /// <summary>Takes the next token of the parse; throws <see cref="SourceRejectedException"/> when the markup is refused.</summary>
    public void Observe(HtmlToken token, TextRange range)
    {
        switch (token.Type)
        {
            case HtmlTokenType.StartTag:
                StartTag(token.AsTag());
                break;
            case HtmlTokenType.EndTag:
                EndTag(token.Name);
                break;
            case HtmlTokenType.Character:
                Reconstruct();
                break;
            default:
                return;
        }

        if (stack.Count > MaxOpenElements || formatting.Count > MaxOpenElements)
        {
            throw new SourceRejectedException(
                $"the HTML is nested too deeply to read: more than {MaxOpenElements} elements open at once by line {Line(range)} (unclosed or misnested tags)");
        }

        if (copies > FreeCopies + startTags)
        {
            throw new SourceRejectedException(
                $"the HTML is misnested too badly to read: its unclosed formatting tags would be repeated over {copies} times by line {Line(range)}");
        }
    }

    private static string Line(TextRange range) => range.Start.Line.ToString(CultureInfo.InvariantCulture);

    private void StartTag(HtmlTagToken tag)
    {
        var name = tag.Name;
        if (Ignored.Contains(name))
        {
            return;
        }

        startTags++;
        if (foreignDepth == 0)
        {
            CloseImplied(name);
        }

        if (!Special.Contains(name) || name is "br" or "img" or "input" or "embed" or "area" or "wbr" or "keygen")
        {
            Reconstruct();
        }

        // In SVG and MathML a self-closing tag is closed; in HTML the slash means nothing.
        if (Void.Contains(name) || (tag.IsSelfClosing && foreignDepth > 0))
        {
            return;
        }

        var element = new Open(name, Formatting.Contains(name) ? Key(tag) : name);
        stack.Add(element);
        if (name is "svg" or "math")
        {
            foreignDepth++;
        }

        if (Formatting.Contains(name))
        {
            AddFormatting(element);
        }
        else if (Markers.Contains(name))
        {
            formatting.Add(null);
        }
    }

    /// <summary>The elements a start tag closes before it opens: a paragraph before a block, the previous item, cell or row.</summary>
    private void CloseImplied(string name)
    {
        if (ClosesParagraph.Contains(name))
        {
            PopToInScope("p", alsoStopAt: "button");
        }

        switch (name)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" when Top is "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                PopTo(stack.Count - 1);
                break;
            case "li":
                PopToItem(static n => n == "li");
                break;
            case "dd" or "dt":
                PopToItem(static n => n is "dd" or "dt");
                break;
            case "td" or "th":
                PopToInTable(static n => n is "td" or "th");
                break;
            case "tr":
                PopToInTable(static n => n is "td" or "th");
                PopToInTable(static n => n == "tr");
                break;
            case "table" when Top is "table" or "tbody" or "thead" or "tfoot" or "tr":
                PopToInTable(static n => n == "table");
                break;
            case var _ when TableSections.Contains(name):
                PopAboveTable();
                break;
            case "option" when Top == "option":
                PopTo(stack.Count - 1);
                break;
            case "optgroup":
                if (Top == "option")
                {
                    PopTo(stack.Count - 1);
                }

                if (Top == "optgroup")
                {
                    PopTo(stack.Count - 1);
                }

                break;
            case "button":
                PopToInScope("button", alsoStopAt: null);
                break;
            case "a" when LastFormatting("a") is not null:
                FormattingEndTag("a");
                break;
            case "nobr" when LastFormatting("nobr") is { IsOpen: true }:
                FormattingEndTag("nobr");
                break;
            default:
                break;
        }
    }

    private void EndTag(string name)
    {
        if (Ignored.Contains(name) || name == "br")
        {
            return;
        }

        if (Formatting.Contains(name))
        {
            FormattingEndTag(name);
            return;
        }

        // An end tag closes the nearest open element of its name, unless a boundary stands between them: the table
        // for the parts of a table, a cell or other scope for other blocks, any block for inline elements.
        Func<string, bool> isBoundary = TableParts.Contains(name) ? static n => n is "table" or "template" or "html"
            : Special.Contains(name) ? ScopeBoundaries.Contains
            : Special.Contains;
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            var open = stack[i].Name;
            if (open == name)
            {
                PopTo(i);
                return;
            }

            if (isBoundary(open))
            {
                return;
            }
        }
    }

    /// <summary>The end tag of a formatting element: closes it, or drops it from the list when it is no longer open.</summary>
    private void FormattingEndTag(string name)
    {
        var entry = LastFormatting(name);
        if (entry is null)
        {
            return;
        }

        if (!entry.IsOpen)
        {
            formatting.Remove(entry);
            return;
        }

        var index = stack.LastIndexOf(entry);
        var hasBlockAbove = false;
        for (var i = index + 1; i < stack.Count && !hasBlockAbove; i++)
        {
            hasBlockAbove = Special.Contains(stack[i].Name);
        }

        if (hasBlockAbove)
        {
            // The adoption agency moves the block out from under the element and copies the element into it.
            copies += 2;
            return;
        }

        PopTo(index);
        formatting.Remove(entry);
    }

    /// <summary>Reopens, as copies, the formatting elements that misnesting closed: what the parser does before text.</summary>
    private void Reconstruct()
    {
        var first = formatting.Count;
        while (first > 0 && formatting[first - 1] is { IsOpen: false })
        {
            first--;
        }

        for (var i = first; i < formatting.Count; i++)
        {
            var copy = new Open(formatting[i]!.Name, formatting[i]!.Key);
            stack.Add(copy);
            formatting[i] = copy;
            copies++;
        }
    }

    /// <summary>Adds a formatting element; as in the parser, at most three identical ones are kept after the last marker.</summary>
    private void AddFormatting(Open element)
    {
        var identical = 0;
        var earliest = -1;
        for (var i = formatting.Count - 1; i >= 0 && formatting[i] is not null; i--)
        {
            if (formatting[i]!.Key == element.Key)
            {
                identical++;
                earliest = i;
            }
        }

        if (identical >= 3)
        {
            formatting.RemoveAt(earliest);
        }

        formatting.Add(element);
    }

    private Open? LastFormatting(string name)
    {
        for (var i = formatting.Count - 1; i >= 0 && formatting[i] is not null; i--)
        {
            if (formatting[i]!.Name == name)
            {
                return formatting[i];
            }
        }

        return null;
    }

    private string? Top => stack.Count == 0 ? null : stack[^1].Name;

    private void PopToInScope(string name, string? alsoStopAt)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            var open = stack[i].Name;
            if (open == name)
            {
                PopTo(i);
                return;
            }

            if (ScopeBoundaries.Contains(open) || open == alsoStopAt)
            {
                return;
            }
        }
    }

    private void PopToItem(Func<string, bool> isItem)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            var open = stack[i].Name;
            if (isItem(open))
            {
                PopTo(i);
                return;
            }

            if (Special.Contains(open) && open is not ("address" or "div" or "p"))
            {
                return;
            }
        }
    }

    private void PopToInTable(Func<string, bool> matches)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            var open = stack[i].Name;
            if (matches(open))
            {
                PopTo(i);
                return;
            }

            if (open is "table" or "template" or "html")
            {
                return;
            }
        }
    }

    private void PopAboveTable()
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            if (stack[i].Name == "table")
            {
                if (i + 1 < stack.Count)
                {
                    PopTo(i + 1);
                }

                return;
            }

            if (stack[i].Name is "template" or "html")
            {
                return;
            }
        }
    }

    /// <summary>Closes the element at <paramref name="index"/> and every element opened after it.</summary>
    private void PopTo(int index)
    {
        for (var i = stack.Count - 1; i >= index; i--)
        {
            var element = stack[i];
            element.IsOpen = false;
            stack.RemoveAt(i);
            if (element.Name is "svg" or "math")
            {
                foreignDepth--;
            }

            if (Markers.Contains(element.Name))
            {
                ClearToMarker();
            }
        }
    }

    private void ClearToMarker()
    {
        while (formatting.Count > 0)
        {
            var entry = formatting[^1];
            formatting.RemoveAt(formatting.Count - 1);
            if (entry is null)
            {
                return;
            }
        }
    }

    /// <summary>A formatting element's name and attributes: the parser counts elements equal in both as identical.</summary>
    private static string Key(HtmlTagToken tag) =>
        tag.Attributes.Count == 0
            ? tag.Name
            : tag.Name + string.Concat(tag.Attributes.Select(a => $" {a.Name}=\"{a.Value}\""));

    private sealed class Open(string name, string key)
    {
        public string Name { get; } = name;

        public string Key { get; } = key;

        public bool IsOpen { get; set; } = true;
    }
}
