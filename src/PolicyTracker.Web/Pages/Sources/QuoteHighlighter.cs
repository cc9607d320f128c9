using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PolicyTracker.Web.Pages.Sources;

/// <summary>A claim's place in its source's text and what to say about it on hover and to screen readers.</summary>
public sealed record HighlightedClaim(long Id, int Start, int End, string Subject, string Topic, string Scope, string Value);

/// <summary>
/// Renders a source's text with each claim's quote in a <c>&lt;mark id="claim-{id}"&gt;</c>. Quotes may nest
/// (several topics from one sentence) or cross; marks nest as the quotes do, and where two quotes cross the
/// inner mark is closed and reopened as a continuation, so the HTML is always well formed and every character
/// sits inside the marks of every claim that covers it. All text is HTML-encoded: sources are untrusted.
/// </summary>
public static class QuoteHighlighter
{
    public static IHtmlContent Render(string text, IEnumerable<HighlightedClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(claims);
        var valid = claims
            .Where(c => c.Start >= 0 && c.Start < c.End && c.End <= text.Length)
            .OrderBy(c => c.Start).ThenByDescending(c => c.End).ThenBy(c => c.Id)
            .ToList();

        var boundaries = new SortedSet<int> { 0, text.Length };
        foreach (var c in valid)
        {
            boundaries.Add(c.Start);
            boundaries.Add(c.End);
        }

        var html = new HtmlContentBuilder();
        var open = new List<HighlightedClaim>();
        var next = 0;
        var positions = boundaries.ToList();
        for (var b = 0; b < positions.Count; b++)
        {
            var at = positions[b];

            // Close every mark that ends here; marks opened inside one of them but ending later are reopened.
            var firstEnding = open.FindIndex(c => c.End <= at);
            var reopen = new List<HighlightedClaim>();
            if (firstEnding >= 0)
            {
                for (var i = open.Count - 1; i >= firstEnding; i--)
                {
                    var closing = open[i];
                    if (closing.End <= at)
                    {
                        html.AppendHtml("<span class=\"visually-hidden\"> [end of claim]</span>");
                    }
                    else
                    {
                        reopen.Add(closing);
                    }

                    html.AppendHtml("</mark>");
                }

                open.RemoveRange(firstEnding, open.Count - firstEnding);
            }

            // The longest-lasting mark goes outermost, so crossings (and reopenings) stay as few as possible.
            while (next < valid.Count && valid[next].Start == at)
            {
                reopen.Add(valid[next]);
                next++;
            }

            foreach (var claim in reopen.OrderByDescending(c => c.End).ThenBy(c => c.Start).ThenBy(c => c.Id))
            {
                Open(html, claim, continuation: claim.Start < at);
                open.Add(claim);
            }

            if (b + 1 < positions.Count)
            {
                html.Append(text[at..positions[b + 1]]);
            }
        }

        return html;
    }

    /// <summary>The text a screen reader and a hover tooltip give for a claim.</summary>
    public static string Describe(HighlightedClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return $"{claim.Topic} = {claim.Value} ({claim.Subject}, scope {claim.Scope})";
    }

    private static void Open(HtmlContentBuilder html, HighlightedClaim claim, bool continuation)
    {
        var id = claim.Id.ToString(CultureInfo.InvariantCulture);
        var description = HtmlEncoder.Default.Encode(Describe(claim));
        if (continuation)
        {
            html.AppendHtml($"<mark class=\"claim claim-cont\" data-claim=\"{id}\" title=\"{description}\">");
            return;
        }

        html.AppendHtml($"<mark class=\"claim\" id=\"claim-{id}\" data-claim=\"{id}\" title=\"{description}\">");
        html.AppendHtml($"<span class=\"visually-hidden\">[claim {id}: {description}] </span>");
    }
}
