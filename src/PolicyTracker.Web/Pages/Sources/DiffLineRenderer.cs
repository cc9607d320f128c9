using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Web.Pages.Sources;

/// <summary>
/// A claim as a diff marks it: its span in its version's text and its id where it is one of the source's current
/// claims (a claim of an older version has no page of its own).
/// </summary>
public sealed record DiffClaim(long? Id, TextSpan Span, string Subject, string Topic, string Scope, string Value)
{
    public string Description => QuoteHighlighter.Describe(new HighlightedClaim(Id ?? 0, Span.Start, Span.End, Subject, Topic, Scope, Value));
}

/// <summary>
/// Renders one line of one side of a diff: the words that differ from the other side in <c>&lt;del&gt;</c> (older
/// side) or <c>&lt;ins&gt;</c> (newer side), and every claim quote overlapping the line in a
/// <c>&lt;mark&gt;</c> titled with its topic and value, inside a link to the claim where it has a page. The line is
/// cut at every boundary of a change or a claim, so marks and links never cross and the HTML is always well formed;
/// all text is HTML-encoded, as sources are untrusted.
/// </summary>
public static class DiffLineRenderer
{
    public static IHtmlContent Render(string text, TextSpan line, IReadOnlyList<TextSpan> changes, IReadOnlyList<DiffClaim> claims, bool newer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(claims);
        var inLine = claims.Where(c => c.Span.Overlaps(line)).ToList();
        var changed = changes.Where(c => c.Overlaps(line)).ToList();
        var boundaries = new SortedSet<int> { line.Start, line.End };
        foreach (var span in inLine.Select(c => c.Span).Concat(changed))
        {
            boundaries.Add(Math.Clamp(span.Start, line.Start, line.End));
            boundaries.Add(Math.Clamp(span.End, line.Start, line.End));
        }

        var html = new HtmlContentBuilder();
        var cuts = boundaries.ToList();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var piece = new TextSpan(cuts[i], cuts[i + 1]);
            AppendPiece(html, text, piece, changed.Any(c => c.Overlaps(piece)), [.. inLine.Where(c => c.Span.Overlaps(piece))], newer);
        }

        return html;
    }

    private static void AppendPiece(HtmlContentBuilder html, string text, TextSpan piece, bool changed, List<DiffClaim> claims, bool newer)
    {
        // The innermost claim (shortest quote) is the one a click on the words most likely means.
        var inner = claims.OrderBy(c => c.Span.Length).FirstOrDefault();
        if (inner?.Id is { } id)
        {
            html.AppendHtml($"<a class=\"diff-claim-link\" href=\"/Claims/{id.ToString(CultureInfo.InvariantCulture)}\">");
        }

        if (inner is not null)
        {
            var title = HtmlEncoder.Default.Encode(string.Join("; ", claims.Select(c => c.Description)));
            html.AppendHtml($"<mark class=\"claim{(claims.Count > 1 ? " claim-deep" : "")}\" title=\"{title}\">");

            // A screen reader hears each quote named where it starts, as on the source page; hover is for the eye.
            foreach (var starting in claims.Where(c => c.Span.Start == piece.Start))
            {
                html.AppendHtml("<span class=\"visually-hidden\">[claim: ");
                html.Append(starting.Description);
                html.AppendHtml("] </span>");
            }
        }

        var tag = newer ? "ins" : "del";
        if (changed)
        {
            html.AppendHtml($"<{tag}>");
        }

        html.Append(piece.Slice(text));
        if (changed)
        {
            html.AppendHtml($"</{tag}>");
        }

        if (inner is not null)
        {
            html.AppendHtml("</mark>");
        }

        if (inner?.Id is not null)
        {
            html.AppendHtml("</a>");
        }
    }
}
