using System.Globalization;
using System.Text;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Versions;

namespace PolicyTracker.Web.Export;

/// <summary>
/// Renders a <see cref="ComparisonReport"/> as Markdown with the HTML report's parts (<see cref="ComparisonReport.Parts"/>),
/// for wikis, issues and reviews in version control. Quotes are untrusted text, so every piece of it is escaped: it can never become a
/// link, an image, a heading or raw HTML when the Markdown is rendered.
/// </summary>
public static class MarkdownReportWriter
{
    public static async Task WriteAsync(ComparisonReport report, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var md = new StringBuilder();
        md.Append("# ").Append(ReportText.Title).Append("\n\n")
            .Append("Generated ").Append(ReportText.Timestamp(report.GeneratedAt)).Append(" by ").Append(Escape(report.Publisher))
            .Append(". Filters: ").Append(Escape(report.Filter.Describe())).Append(".\n\n");

        // The parts the HTML report has, in its order: the report model's one list of them.
        foreach (var part in report.Parts)
        {
            switch (part)
            {
                case ReportSummary summary:
                    Summary(md, report, summary);
                    break;
                case ReportProviders providers:
                    Providers(md, providers.Matrix);
                    break;
                case SubjectSection subject:
                    Subject(md, subject);
                    break;
                case ReportChangeList changes:
                    Changes(md, changes.Changes);
                    break;
                case ReportSourceList sources:
                    Sources(md, sources.Sources);
                    break;
                default:
                    throw new InvalidOperationException($"The Markdown report has no form for {part.GetType().Name}.");
            }

            await FlushAsync(md, output, ct);
        }

        await output.FlushAsync(ct);
    }

    private static void Summary(StringBuilder md, ComparisonReport report, ReportSummary s)
    {
        md.Append("## Summary\n\n| | count |\n|---|---:|\n");
        Row(md, "Sources", s.Sources);
        Row(md, "Claims", s.Claims);
        Row(md, "Subjects", report.Subjects.Count);
        Row(md, "Contradictions", s.Contradictions);
        Row(md, "of them within one source", s.SelfContradictions);
        Row(md, "Corroborations", s.Corroborations);
        md.Append("\n| Claims by status | claims |\n|---|---:|\n");
        foreach (var (status, count) in s.ClaimsByStatus)
        {
            Row(md, ReportText.Status(status), count);
        }

        md.Append("\n| Contradictions by state | contradictions |\n|---|---:|\n");
        foreach (var (state, count) in s.ContradictionsByState)
        {
            Row(md, state.ToString(), count);
        }

        md.Append("\n### Disputed topics\n\n");
        if (s.DisputedTopics.Count == 0)
        {
            md.Append("No contradictions in this report.\n\n");
            return;
        }

        md.Append("| Topic | subjects | disputed for |\n|---|---:|---|\n");
        foreach (var topic in s.DisputedTopics)
        {
            md.Append("| `").Append(Code(topic.Topic)).Append("` | ").Append(topic.Subjects.Count).Append(" | ")
                .AppendJoin(", ", topic.Subjects.Select(Cell)).Append(" |\n");
        }

        md.Append('\n');
    }

    /// <summary>The provider matrix as a table: a row per topic under a bold row per family, a column per provider.</summary>
    private static void Providers(StringBuilder md, ProviderMatrix matrix)
    {
        md.Append("## ").Append(ReportProviders.Heading).Append("\n\n");
        if (matrix.Subjects.Count == 0)
        {
            md.Append("No provider has claims in this report.\n\n");
            return;
        }

        md.Append(MatrixWords.Official).Append(": the provider's own word; ").Append(MatrixWords.Disputed).Append(": sources disagree; ")
            .Append("N of M sources give the shown value; ").Append(MatrixWords.ChangedRecently).Append(": a source changed its answer since ")
            .Append(ChangeWords.Date(matrix.RecentSince)).Append("; ").Append(MatrixWords.NoStatement).Append(": no source states it.\n\n");
        md.Append("| Topic |");
        foreach (var subject in matrix.Subjects)
        {
            md.Append(' ').Append(Cell(subject.Subject)).Append(" (").Append(ReportText.Count(subject.Claims, "claim", "claims")).Append(") |");
        }

        md.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---|", matrix.Subjects.Count))).Append('\n');
        foreach (var family in matrix.Families)
        {
            md.Append("| **").Append(Cell(family.Name)).Append("** |").Append(string.Concat(Enumerable.Repeat(" |", matrix.Subjects.Count))).Append('\n');
            foreach (var row in family.Rows)
            {
                md.Append("| `").Append(Code(row.Topic)).Append("` |");
                foreach (var cell in row.Cells)
                {
                    md.Append(' ').AppendJoin(" · ", MatrixCell(cell)).Append(" |");
                }

                md.Append('\n');
            }
        }

        md.Append('\n');
    }

    /// <summary>A matrix cell's words in the order the page shows them.</summary>
    private static IEnumerable<string> MatrixCell(MatrixCell cell)
    {
        if (cell.Shown is not { } shown)
        {
            yield return MatrixWords.NoStatement;
        }
        else
        {
            yield return "**" + Cell(shown.Value) + "**";
            if (cell.ShownIsOfficial)
            {
                yield return MatrixWords.Official;
            }

            if (cell.Disputed)
            {
                yield return MatrixWords.Disputed;
            }

            if (cell.SelfContradiction)
            {
                yield return MatrixWords.SelfContradiction;
            }

            yield return MatrixWords.Agreeing(cell);
            foreach (var other in cell.Others)
            {
                yield return $"{MatrixWords.OtherSource(other)}: {Cell(other.Value)} ({other.Sources})";
            }
        }

        if (cell.ChangedRecently)
        {
            yield return MatrixWords.ChangedRecently;
        }
    }

    private static void Changes(StringBuilder md, IReadOnlyList<ClaimChange> changes)
    {
        md.Append("## ").Append(ComparisonReport.ChangesHeading).Append("\n\n");
        if (changes.Count == 0)
        {
            md.Append(ChangeWords.None).Append("\n\n");
            return;
        }

        md.Append("| Date | source | subject | topic | scope | change | values | said before | says now |\n|---|---|---|---|---|---|---|---|---|\n");
        foreach (var change in changes)
        {
            md.Append("| ").Append(ChangeWords.Date(change.ToObserved)).Append(" | `").Append(Code(change.Source)).Append("` (version ")
                .Append(change.ToVersion).Append(") | ").Append(Cell(change.Subject)).Append(" | `").Append(Code(change.Topic)).Append("` | ")
                .Append(Cell(change.Scope)).Append(" | ").Append(ChangeWords.Kind(change.Kind)).Append(" | ")
                .Append(Cell(ChangeWords.Values(change.From?.Value, change.To?.Value))).Append(" | ")
                .Append(change.From is { } from ? "“" + Cell(from.Quote) + "”" : "—").Append(" | ")
                .Append(change.To is { } to ? "“" + Cell(to.Quote) + "”" : "—").Append(" |\n");
        }

        md.Append('\n');
    }

    private static void Sources(StringBuilder md, IReadOnlyList<ReportSource> sources)
    {
        md.Append("## Sources\n\n");
        if (sources.Count == 0)
        {
            md.Append("No source in this report.\n\n");
            return;
        }

        md.Append("| Title | kind | file name | SHA-256 | ingested at | claims |\n|---|---|---|---|---|---:|\n");
        foreach (var source in sources)
        {
            md.Append("| ").Append(Cell(source.Title ?? "(untitled)")).Append(" | ").Append(ReportText.Kind(source.Kind))
                .Append(" | `").Append(Code(source.FileName)).Append('`')
                .Append(source.Version > 1 ? $" (version {source.Version})" : "")
                .Append(" | `").Append(source.Sha256).Append("` | ").Append(ReportText.Timestamp(source.IngestedAt))
                .Append(" | ").Append(source.Claims).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void Subject(StringBuilder md, SubjectSection subject)
    {
        md.Append("## ").Append(Escape(subject.Subject)).Append("\n\n")
            .Append(ReportText.Count(subject.Claims, "claim", "claims")).Append(" in ")
            .Append(ReportText.Count(subject.Columns.Count, "source", "sources")).Append("; ")
            .Append(ReportText.Count(subject.Contradictions.Count, "contradiction", "contradictions")).Append(".\n\n");

        md.Append("### Comparison\n\n");
        for (var first = 0; first < subject.Columns.Count; first += ComparisonReport.SourcesPerTable)
        {
            var count = Math.Min(ComparisonReport.SourcesPerTable, subject.Columns.Count - first);
            if (subject.Columns.Count > ComparisonReport.SourcesPerTable)
            {
                md.Append("Sources ").Append(first + 1).Append('–').Append(first + count).Append(" of ").Append(subject.Columns.Count).Append(":\n\n");
            }

            md.Append("| Topic |");
            foreach (var source in subject.Columns.Skip(first).Take(count))
            {
                md.Append(' ').Append(Cell(source.Name)).Append(source.Kind == Core.Sources.SourceKind.OfficialPolicy ? " (official policy)" : "").Append(" |");
            }

            md.Append("\n|---|").Append(string.Concat(Enumerable.Repeat("---|", count))).Append('\n');
            foreach (var row in subject.Rows)
            {
                md.Append("| ").Append(row.Disputed ? "≠ " : "").Append('`').Append(Code(row.Topic)).Append('`').Append(row.Disputed ? " (disputed)" : "").Append(" |");
                foreach (var cell in row.Cells.Skip(first).Take(count))
                {
                    md.Append(' ').AppendJoin("<br>", cell.Select(v => $"{Cell(v.Value)} ({Cell(v.Scope)})")).Append(" |");
                }

                md.Append('\n');
            }

            md.Append('\n');
        }

        md.Append("### Contradictions\n\n");
        if (subject.Contradictions.Count == 0)
        {
            md.Append("The sources in this report do not contradict each other about ").Append(Escape(subject.Subject)).Append(".\n\n");
        }

        foreach (var finding in subject.Contradictions)
        {
            md.Append("#### ").Append(Escape(finding.Subject)).Append(" · `").Append(Code(finding.Topic)).Append("`\n\n")
                .Append("**").Append(Escape(ReportText.State(finding.Review))).Append("** — ")
                .Append(finding.Sides.Count).Append(" values across ").Append(ReportText.Count(finding.SourceCount, "source", "sources"))
                .Append(" (").Append(ReportText.Count(finding.ClaimCount, "claim", "claims")).Append(").")
                .Append(finding.SelfContradiction ? " Self-contradiction: at least one source disagrees with itself." : "")
                .Append("\n\n");
            var by = ReportText.ReviewedBy(finding.Review.ReviewedBy, finding.Review.ReviewedAt);
            if (finding.Review.Note is { } note)
            {
                md.Append("Editors' note").Append(by.Length > 0 ? $" ({Escape(by)})" : "").Append(": ").Append(Inline(note)).Append("\n\n");
            }
            else if (by.Length > 0)
            {
                md.Append("Reviewed ").Append(Escape(by)).Append(".\n\n");
            }

            foreach (var side in finding.Sides)
            {
                md.Append("- **").Append(Escape(side.Value)).Append("** — ").Append(ReportText.Count(side.ClaimCount, "claim", "claims"))
                    .Append(" in ").Append(ReportText.Count(side.SourceCount, "source", "sources")).Append('\n');
                foreach (var quote in side.Quotes)
                {
                    md.Append("  > ").Append(Inline(quote.Text)).Append("\n  >\n  > — ").Append(Escape(quote.SourceName)).Append(", ")
                        .Append(ReportText.Kind(quote.Kind)).Append(", scope ").Append(Escape(quote.Scope)).Append(", claim ").Append(quote.ClaimId)
                        .Append(quote.Status != ClaimStatus.Unreviewed ? $", {ReportText.Status(quote.Status)}" : "")
                        .Append(quote.SelfContradicting ? ", contradicts itself" : "").Append("\n\n");
                }
            }

            md.Append('\n');
        }

        md.Append("### Editors' verdicts\n\n");
        if (subject.Verdicts.Count == 0)
        {
            md.Append("No claim about ").Append(Escape(subject.Subject)).Append(" in this report has been reviewed yet.\n\n");
        }

        foreach (var verdict in subject.Verdicts)
        {
            md.Append("- **").Append(ReportText.Status(verdict.Status)).Append("** — `").Append(Code(verdict.Topic)).Append("` = ")
                .Append(Escape(verdict.Value)).Append(" (scope ").Append(Escape(verdict.Scope)).Append(", claim ").Append(verdict.ClaimId)
                .Append(", ").Append(Escape(verdict.SourceName)).Append(")\n\n  > ").Append(Inline(verdict.Quote)).Append("\n\n");
            if (verdict.Note is { } note)
            {
                md.Append("  Note: ").Append(Inline(note)).Append("\n\n");
            }

            var by = ReportText.ReviewedBy(verdict.ReviewedBy, verdict.ReviewedAt);
            if (by.Length > 0)
            {
                md.Append("  Reviewed ").Append(Escape(by)).Append(".\n\n");
            }

            foreach (var evidence in verdict.Evidence)
            {
                md.Append("  - Evidence from ").Append(Escape(evidence.SourceName))
                    .Append(evidence.ClaimId is { } id ? $" (claim {id})" : "").Append(": ").Append(Inline(evidence.Quote)).Append('\n');
            }

            if (verdict.Evidence.Count > 0)
            {
                md.Append('\n');
            }
        }
    }

    private static void Row(StringBuilder md, string label, int count) =>
        md.Append("| ").Append(Cell(label)).Append(" | ").Append(count.ToString("N0", CultureInfo.InvariantCulture)).Append(" |\n");

    /// <summary>
    /// Escapes what Markdown or its HTML could read as syntax, so text shows exactly as written: emphasis, code,
    /// links, tables and tags anywhere, and a block marker (heading, list, rule) at the start, since every escaped
    /// text follows a prefix that would let a "# ..." or "1. ..." open a block inside a quote or list item.
    /// Sentence punctuation elsewhere is left alone, so the raw Markdown still reads as prose.
    /// </summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~':
                    escaped.Append('\\').Append(c);
                    break;
                case '#' or '+' or '-' or '=' when i == 0:
                    escaped.Append('\\').Append(c);
                    break;
                case '.' or ')' when i > 0 && i == digits:
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Text on one line: line breaks would end a list item, a quote or a table row.</summary>
    private static string Inline(string text) => Escape(text.ReplaceLineEndings(" "));

    private static string Cell(string text) => Inline(text);

    /// <summary>Inside a code span only a backtick matters; topic keys never hold one, but a stray one is dropped.</summary>
    private static string Code(string text) => text.Replace("`", "", StringComparison.Ordinal);

    private static async Task FlushAsync(StringBuilder md, TextWriter output, CancellationToken ct)
    {
        await output.WriteAsync(md, ct);
        md.Clear();
    }
}
