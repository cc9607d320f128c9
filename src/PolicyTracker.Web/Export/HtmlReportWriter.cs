using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Versions;

namespace PolicyTracker.Web.Export;

/// <summary>
/// Renders a <see cref="ComparisonReport"/> as one self-contained HTML file: the stylesheet is inline, there is no
/// script and no reference to anything outside the file, so it reads the same saved to disk, mailed or printed.
/// Each part is built in a small buffer and written out before the next, so the output is never held whole.
/// </summary>
public static class HtmlReportWriter
{
    // Letters outside ASCII stay as they are (the file is UTF-8), so quotes in other languages stay readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        :root { --text: #1b1b1b; --muted: #5a5f66; --line: #c9ced4; --soft: #f5f6f8; --conflict: #a4161a; --conflict-bg: #fde8e8;
                --agree: #1e6b3a; --agree-bg: #e4f4e9; --official: #4b2991; --official-bg: #efe9fb; --self: #8a4b00; --self-bg: #fff0d9; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
               font-size: 15px; line-height: 1.45; color: var(--text); background: #fff; }
        h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.35rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid var(--text); }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        h4 { font-size: 1rem; margin: 0 0 .35rem; }
        code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .88em; }
        .meta, .muted { color: var(--muted); }
        .small { font-size: .85em; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
        thead th { background: var(--soft); }
        td.num, th.num { text-align: right; }
        dl.counts { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: .5rem; margin: .5rem 0 1rem; }
        dl.counts div { border: 1px solid var(--line); padding: .4rem .6rem; }
        dl.counts dt { font-size: .8rem; color: var(--muted); }
        dl.counts dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
        .badge { display: inline-block; padding: 0 .4rem; border: 1px solid currentColor; border-radius: .25rem; font-size: .8rem; font-weight: 600; white-space: nowrap; }
        .state-open { color: var(--conflict); background: var(--conflict-bg); }
        .state-confirmed { color: var(--conflict); background: var(--conflict-bg); border-style: double; border-width: 3px; }
        .state-dismissed { color: var(--muted); background: var(--soft); }
        .self { color: var(--self); background: var(--self-bg); }
        .official { color: var(--official); background: var(--official-bg); }
        .status-verified { color: var(--agree); background: var(--agree-bg); }
        .status-contradicted, .status-disputed { color: var(--conflict); background: var(--conflict-bg); }
        .status-notapplicable, .status-unreviewed { color: var(--muted); background: var(--soft); }
        table.comparison th[scope="row"] { width: 26%; }
        tr.disputed th { color: var(--conflict); }
        tr.disputed th::before { content: "\2260  "; }
        .cell-value { display: block; }
        .cell-scope { color: var(--muted); font-size: .8em; }
        article.contradiction { border: 1px solid var(--line); border-left: 4px solid var(--conflict); padding: .6rem .8rem; margin: 0 0 1rem; }
        article.contradiction.dismissed { border-left-color: var(--muted); }
        .sides { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: .5rem; }
        .side { flex: 1 1 14rem; min-width: 0; border: 1px solid var(--line); padding: .5rem .6rem; background: #fff; }
        .side h5 { margin: 0; font-size: 1rem; }
        .side ul { list-style: none; margin: .35rem 0 0; padding: 0; }
        .side li { margin: 0 0 .5rem; }
        blockquote { margin: 0; padding: .2rem .5rem; border-left: 3px solid var(--line); background: var(--soft); white-space: pre-wrap; overflow-wrap: anywhere; }
        .review { margin: .4rem 0 0; padding: .35rem .5rem; background: var(--soft); }
        .note { white-space: pre-wrap; overflow-wrap: anywhere; }
        .verdict { border-top: 1px solid var(--line); padding: .5rem 0; }
        .evidence { margin: .3rem 0 0 1rem; padding: 0; list-style: none; }
        .sha { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .75em; overflow-wrap: anywhere; }
        nav.toc ol { columns: 2; }
        footer { margin-top: 2rem; border-top: 1px solid var(--line); padding-top: .5rem; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          a { color: inherit; text-decoration: none; }
          h2 { margin-top: 0; }
          section.subject, section.changes, section.sources { break-before: page; }
          thead { display: table-header-group; }
          tr, .side li, .verdict, dl.counts div, .review { break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; }
          article.contradiction { break-inside: auto; }
          nav.toc { display: none; }
          .badge, .side, blockquote, thead th, tr.disputed th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """;

    public static async Task WriteAsync(ComparisonReport report, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var html = new StringBuilder();
        Head(html, report);
        Summary(html, report);
        await FlushAsync(html, output, ct);

        foreach (var subject in report.Subjects)
        {
            Subject(html, subject);
            await FlushAsync(html, output, ct);
        }

        Changes(html, report);
        Sources(html, report);
        html.Append("<footer class=\"meta small\"><p>").Append(E(ReportText.Title)).Append(" generated ")
            .Append(Time(report.GeneratedAt)).Append(" by ").Append(E(report.Publisher)).Append(". Filters: ")
            .Append(E(report.Filter.Describe())).Append(".</p></footer>\n</body>\n</html>\n");
        await FlushAsync(html, output, ct);
        await output.FlushAsync(ct);
    }

    private static void Head(StringBuilder html, ComparisonReport report)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"PolicyTracker\">\n")
            .Append("<title>").Append(E(ReportText.Title)).Append(" — ").Append(E(report.Publisher)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n")
            .Append("<header>\n<h1>").Append(E(ReportText.Title)).Append("</h1>\n")
            .Append("<p class=\"meta\" id=\"generated\">Generated ").Append(Time(report.GeneratedAt)).Append(" by ").Append(E(report.Publisher))
            .Append(". Filters: <span id=\"filters\">").Append(E(report.Filter.Describe())).Append("</span>.</p>\n</header>\n");
    }

    private static void Summary(StringBuilder html, ComparisonReport report)
    {
        var s = report.Summary;
        html.Append("<section class=\"summary\" id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n<dl class=\"counts\">\n");
        Count(html, "Sources", s.Sources);
        Count(html, "Claims", s.Claims);
        Count(html, "Subjects", report.Subjects.Count);
        Count(html, "Contradictions", s.Contradictions);
        Count(html, "of them within one source", s.SelfContradictions);
        Count(html, "Corroborations", s.Corroborations);
        html.Append("</dl>\n");

        html.Append("<table class=\"review-counts\">\n<caption class=\"meta\">Review progress</caption>\n<thead><tr><th>Claims by status</th><th class=\"num\">Claims</th>")
            .Append("<th>Contradictions by state</th><th class=\"num\">Contradictions</th></tr></thead>\n<tbody>\n");
        var statuses = s.ClaimsByStatus.ToList();
        var states = s.ContradictionsByState.ToList();
        for (var i = 0; i < Math.Max(statuses.Count, states.Count); i++)
        {
            html.Append("<tr>");
            if (i < statuses.Count)
            {
                html.Append("<td>").Append(E(ReportText.Status(statuses[i].Key))).Append("</td><td class=\"num\">").Append(statuses[i].Value).Append("</td>");
            }
            else
            {
                html.Append("<td></td><td></td>");
            }

            if (i < states.Count)
            {
                html.Append("<td>").Append(E(states[i].Key.ToString())).Append("</td><td class=\"num\">").Append(states[i].Value).Append("</td>");
            }
            else
            {
                html.Append("<td></td><td></td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");

        html.Append("<h3>Disputed topics</h3>\n");
        if (s.DisputedTopics.Count == 0)
        {
            html.Append("<p class=\"empty\">No contradictions in this report.</p>\n");
        }
        else
        {
            html.Append("<table class=\"disputed-topics\">\n<thead><tr><th>Topic</th><th class=\"num\">Subjects</th><th>Disputed for</th></tr></thead>\n<tbody>\n");
            foreach (var topic in s.DisputedTopics)
            {
                html.Append("<tr><td><code>").Append(E(topic.Topic)).Append("</code></td><td class=\"num\">").Append(topic.Subjects.Count).Append("</td><td>");
                html.AppendJoin(", ", topic.Subjects.Select(subject =>
                    $"<a href=\"#{E(ReportContradiction.AnchorFor(subject, topic.Topic))}\">{E(subject)}</a>"));
                html.Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (report.Subjects.Count > 0)
        {
            html.Append("<nav class=\"toc\" aria-label=\"Subjects\"><h3>Subjects</h3><ol>\n");
            foreach (var subject in report.Subjects)
            {
                html.Append("<li><a href=\"#subject-").Append(E(subject.Subject)).Append("\">").Append(E(subject.Subject)).Append("</a> — ")
                    .Append(E(ReportText.Count(subject.Claims, "claim", "claims"))).Append(", ")
                    .Append(E(ReportText.Count(subject.Contradictions.Count, "contradiction", "contradictions"))).Append("</li>\n");
            }

            html.Append("</ol></nav>\n");
        }

        html.Append("</section>\n");
    }

    private static void Subject(StringBuilder html, SubjectSection subject)
    {
        var id = "subject-" + E(subject.Subject);
        html.Append("<section class=\"subject\" id=\"").Append(id).Append("\" aria-labelledby=\"").Append(id).Append("-h\">\n")
            .Append("<h2 id=\"").Append(id).Append("-h\">").Append(E(subject.Subject)).Append("</h2>\n")
            .Append("<p class=\"meta\">").Append(E(ReportText.Count(subject.Claims, "claim", "claims"))).Append(" in ")
            .Append(E(ReportText.Count(subject.Columns.Count, "source", "sources"))).Append("; ")
            .Append(E(ReportText.Count(subject.Contradictions.Count, "contradiction", "contradictions"))).Append(".</p>\n");

        html.Append("<h3>Comparison</h3>\n");
        for (var first = 0; first < subject.Columns.Count; first += ComparisonReport.SourcesPerTable)
        {
            var count = Math.Min(ComparisonReport.SourcesPerTable, subject.Columns.Count - first);
            html.Append("<table class=\"comparison\">\n");
            if (subject.Columns.Count > ComparisonReport.SourcesPerTable)
            {
                html.Append("<caption class=\"meta\">Sources ").Append(first + 1).Append('–').Append(first + count)
                    .Append(" of ").Append(subject.Columns.Count).Append("</caption>\n");
            }

            html.Append("<thead><tr><th scope=\"col\">Topic</th>");
            foreach (var source in subject.Columns.Skip(first).Take(count))
            {
                html.Append("<th scope=\"col\">").Append(Breakable(source.Name));
                if (source.Kind == Core.Sources.SourceKind.OfficialPolicy)
                {
                    html.Append(" <span class=\"badge official\">Official policy</span>");
                }

                html.Append("</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in subject.Rows)
            {
                html.Append(row.Disputed ? "<tr class=\"disputed\">" : "<tr>")
                    .Append("<th scope=\"row\"><code>").Append(Breakable(row.Topic)).Append("</code>");
                if (row.Disputed)
                {
                    html.Append(" <span class=\"badge state-open\">disputed</span>");
                }

                html.Append("</th>");
                foreach (var cell in row.Cells.Skip(first).Take(count))
                {
                    html.Append("<td>");
                    foreach (var value in cell)
                    {
                        html.Append("<span class=\"cell-value\">").Append(E(value.Value)).Append(" <span class=\"cell-scope\">(")
                            .Append(E(value.Scope)).Append(")</span></span>");
                    }

                    html.Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h3>Contradictions</h3>\n");
        if (subject.Contradictions.Count == 0)
        {
            html.Append("<p class=\"empty\">The sources in this report do not contradict each other about ").Append(E(subject.Subject)).Append(".</p>\n");
        }

        foreach (var finding in subject.Contradictions)
        {
            Contradiction(html, finding);
        }

        html.Append("<h3>Editors' verdicts</h3>\n");
        if (subject.Verdicts.Count == 0)
        {
            html.Append("<p class=\"empty\">No claim about ").Append(E(subject.Subject)).Append(" in this report has been reviewed yet.</p>\n");
        }

        foreach (var verdict in subject.Verdicts)
        {
            Verdict(html, verdict);
        }

        html.Append("</section>\n");
    }

    private static void Contradiction(StringBuilder html, ReportContradiction finding)
    {
        var state = finding.Review.State.ToString().ToLowerInvariant();
        html.Append("<article class=\"contradiction ").Append(state).Append("\" id=\"").Append(E(finding.Anchor))
            .Append("\" data-subject=\"").Append(E(finding.Subject)).Append("\" data-topic=\"").Append(E(finding.Topic))
            .Append("\" data-state=\"").Append(E(finding.Review.State.ToString())).Append("\">\n")
            .Append("<h4>").Append(E(finding.Subject)).Append(" · <code>").Append(E(finding.Topic)).Append("</code></h4>\n")
            .Append("<p class=\"small\"><span class=\"badge state-").Append(state).Append("\">").Append(E(ReportText.State(finding.Review))).Append("</span> ")
            .Append(finding.Sides.Count).Append(" values across ").Append(E(ReportText.Count(finding.SourceCount, "source", "sources")))
            .Append(" (").Append(E(ReportText.Count(finding.ClaimCount, "claim", "claims"))).Append(").");
        if (finding.SelfContradiction)
        {
            html.Append(" <span class=\"badge self\">Self-contradiction</span> at least one source disagrees with itself.");
        }

        html.Append("</p>\n");
        if (finding.Review.State != ContradictionState.Open || finding.Review.Note is not null)
        {
            html.Append("<div class=\"review\"><strong>Editors:</strong> ").Append(E(ReportText.State(finding.Review)));
            var by = ReportText.ReviewedBy(finding.Review.ReviewedBy, finding.Review.ReviewedAt);
            if (by.Length > 0)
            {
                html.Append(" <span class=\"meta small\">(").Append(E(by)).Append(")</span>");
            }

            if (finding.Review.Note is { } note)
            {
                html.Append("<p class=\"note\">").Append(E(note)).Append("</p>");
            }

            html.Append("</div>\n");
        }

        html.Append("<div class=\"sides\">\n");
        foreach (var side in finding.Sides)
        {
            html.Append("<section class=\"side\" data-value=\"").Append(E(side.Value)).Append("\">\n<h5>").Append(E(side.Value)).Append("</h5>\n")
                .Append("<p class=\"meta small\">").Append(E(ReportText.Count(side.ClaimCount, "claim", "claims"))).Append(" in ")
                .Append(E(ReportText.Count(side.SourceCount, "source", "sources")));
            if (side.ClaimCount > side.Quotes.Count)
            {
                html.Append("; ").Append(side.Quotes.Count).Append(" quoted");
            }

            html.Append("</p>\n<ul>\n");
            foreach (var quote in side.Quotes)
            {
                html.Append("<li><blockquote>").Append(E(quote.Text)).Append("</blockquote>\n<p class=\"meta small\">")
                    .Append(E(quote.SourceName)).Append(" · ").Append(E(ReportText.Kind(quote.Kind))).Append(" · scope ").Append(E(quote.Scope))
                    .Append(" · claim ").Append(quote.ClaimId);
                if (quote.Status != ClaimStatus.Unreviewed)
                {
                    html.Append(" · <span class=\"badge status-").Append(quote.Status.ToString().ToLowerInvariant()).Append("\">")
                        .Append(E(ReportText.Status(quote.Status))).Append("</span>");
                }

                if (quote.SelfContradicting)
                {
                    html.Append(" · <span class=\"badge self\">Contradicts itself</span>");
                }

                html.Append("</p></li>\n");
            }

            html.Append("</ul>\n</section>\n");
        }

        html.Append("</div>\n</article>\n");
    }

    private static void Verdict(StringBuilder html, ReportVerdict verdict)
    {
        html.Append("<div class=\"verdict\" id=\"claim-").Append(verdict.ClaimId).Append("\" data-status=\"").Append(verdict.Status).Append("\">\n")
            .Append("<p><span class=\"badge status-").Append(verdict.Status.ToString().ToLowerInvariant()).Append("\">")
            .Append(E(ReportText.Status(verdict.Status))).Append("</span> <code>").Append(E(verdict.Topic)).Append("</code> = <strong>")
            .Append(E(verdict.Value)).Append("</strong> <span class=\"meta small\">(scope ").Append(E(verdict.Scope)).Append(", claim ")
            .Append(verdict.ClaimId).Append(", ").Append(E(verdict.SourceName)).Append(")</span></p>\n")
            .Append("<blockquote>").Append(E(verdict.Quote)).Append("</blockquote>\n");
        if (verdict.Note is { } note)
        {
            html.Append("<p class=\"note\"><strong>Note:</strong> ").Append(E(note)).Append("</p>\n");
        }

        var by = ReportText.ReviewedBy(verdict.ReviewedBy, verdict.ReviewedAt);
        if (by.Length > 0)
        {
            html.Append("<p class=\"meta small\">Reviewed ").Append(E(by)).Append("</p>\n");
        }

        if (verdict.Evidence.Count > 0)
        {
            html.Append("<p class=\"small\"><strong>Evidence</strong></p>\n<ul class=\"evidence\">\n");
            foreach (var evidence in verdict.Evidence)
            {
                html.Append("<li><blockquote>").Append(E(evidence.Quote)).Append("</blockquote><p class=\"meta small\">").Append(E(evidence.SourceName));
                if (evidence.ClaimId is { } id)
                {
                    html.Append(" · claim ").Append(id);
                }

                html.Append("</p></li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</div>\n");
    }

    /// <summary>Every change between versions of the sources in the report, newest first, with both quotes.</summary>
    private static void Changes(StringBuilder html, ComparisonReport report)
    {
        html.Append("<section class=\"changes\" id=\"changes\" aria-labelledby=\"changes-h\">\n<h2 id=\"changes-h\">")
            .Append(E(ComparisonReport.ChangesHeading)).Append("</h2>\n");
        if (report.Changes.Count == 0)
        {
            html.Append("<p class=\"empty\">").Append(E(ChangeWords.None)).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<table class=\"change-list\">\n<thead><tr><th>Date</th><th>Source</th><th>Subject</th><th>Topic</th><th>Scope</th>")
            .Append("<th>Change</th><th>Values</th><th>Said before</th><th>Says now</th></tr></thead>\n<tbody>\n");
        foreach (var change in report.Changes)
        {
            html.Append("<tr><td>").Append(E(ChangeWords.Date(change.ToObserved))).Append("</td><td><code>").Append(E(change.Source))
                .Append("</code> <span class=\"meta small\">version ").Append(change.ToVersion).Append("</span></td><td>").Append(E(change.Subject))
                .Append("</td><td><code>").Append(Breakable(change.Topic)).Append("</code></td><td>").Append(E(change.Scope))
                .Append("</td><td>").Append(E(ChangeWords.Kind(change.Kind))).Append("</td><td>")
                .Append(E(ChangeWords.Values(change.From?.Value, change.To?.Value))).Append("</td><td>");
            Quote(html, change.From?.Quote);
            html.Append("</td><td>");
            Quote(html, change.To?.Quote);
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");

        static void Quote(StringBuilder html, string? quote) =>
            html.Append(quote is null ? "<span class=\"meta\">—</span>" : $"<q>{E(quote)}</q>");
    }

    private static void Sources(StringBuilder html, ComparisonReport report)
    {
        html.Append("<section class=\"sources\" id=\"sources\" aria-labelledby=\"sources-h\">\n<h2 id=\"sources-h\">Sources</h2>\n");
        if (report.Sources.Count == 0)
        {
            html.Append("<p class=\"empty\">No source in this report.</p>\n");
        }
        else
        {
            html.Append("<table class=\"source-list\">\n<thead><tr><th>Title</th><th>Kind</th><th>File name</th><th>SHA-256</th><th>Ingested at</th><th class=\"num\">Claims</th></tr></thead>\n<tbody>\n");
            foreach (var source in report.Sources)
            {
                html.Append("<tr><td>").Append(E(source.Title ?? "(untitled)")).Append("</td><td>").Append(E(ReportText.Kind(source.Kind)))
                    .Append("</td><td><code>").Append(E(source.FileName)).Append("</code>");
                if (source.Version > 1)
                {
                    html.Append(" <span class=\"meta small\">version ").Append(source.Version).Append("</span>");
                }

                html.Append("</td><td class=\"sha\">").Append(E(source.Sha256)).Append("</td><td>").Append(Time(source.IngestedAt))
                    .Append("</td><td class=\"num\">").Append(source.Claims).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</section>\n");
    }

    private static void Count(StringBuilder html, string label, int value) =>
        html.Append("<div><dt>").Append(E(label)).Append("</dt><dd>").Append(value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).Append("</dd></div>\n");

    private static string Time(DateTimeOffset value) =>
        $"<time datetime=\"{JsonExporter.Timestamp(value)}\">{E(ReportText.Timestamp(value))}</time>";

    private static string E(string text) => Encoder.Encode(text);

    /// <summary>Lets a topic key or file name wrap after its dots and underscores in a narrow column, never mid-word.</summary>
    private static string Breakable(string text) =>
        E(text).Replace(".", ".<wbr>", StringComparison.Ordinal).Replace("_", "_<wbr>", StringComparison.Ordinal);

    private static async Task FlushAsync(StringBuilder html, TextWriter output, CancellationToken ct)
    {
        await output.WriteAsync(html, ct);
        html.Clear();
    }
}
