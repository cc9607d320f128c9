using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Pages;

/// <summary>
/// Renders a claim's quote with the words of its cues in <c>&lt;mark class="cue cue-{kind}"&gt;</c>. Only cues whose
/// span lies inside the quote are marked. Cues may overlap (a negation inside an action): the quote is cut at every
/// cue boundary and each piece is marked once with every kind that covers it, so marks never nest or cross.
/// All text is HTML-encoded: sources are untrusted.
/// </summary>
public static class CueHighlighter
{
    public static IHtmlContent Render(string quote, int quoteStart, IEnumerable<StoredCue> cues)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(cues);
        var quoteEnd = quoteStart + quote.Length;
        var inside = cues.Where(c => c.IsInside(quoteStart, quoteEnd))
            .Select(c => (Start: c.Start!.Value - quoteStart, End: c.End!.Value - quoteStart, c.Kind))
            .ToList();

        var cuts = new SortedSet<int> { 0, quote.Length };
        foreach (var (start, end, _) in inside)
        {
            cuts.Add(start);
            cuts.Add(end);
        }

        var html = new HtmlContentBuilder();
        var positions = cuts.ToList();
        for (var i = 0; i + 1 < positions.Count; i++)
        {
            var (from, to) = (positions[i], positions[i + 1]);
            var kinds = inside.Where(c => c.Start <= from && to <= c.End).Select(c => c.Kind).Distinct(StringComparer.Ordinal).ToList();
            if (kinds.Count == 0)
            {
                html.Append(quote[from..to]);
                continue;
            }

            var classes = string.Join(' ', kinds.Select(ConfidenceText.KindClass).Distinct(StringComparer.Ordinal));
            var words = HtmlEncoder.Default.Encode(string.Join(", ", kinds.Select(ConfidenceText.Kind)));
            html.AppendHtml(string.Create(CultureInfo.InvariantCulture, $"<mark class=\"cue {classes}\" title=\"{words}\">"));
            html.Append(quote[from..to]);
            html.AppendHtml($"<span class=\"visually-hidden\"> [{words}]</span></mark>");
        }

        return html;
    }
}
