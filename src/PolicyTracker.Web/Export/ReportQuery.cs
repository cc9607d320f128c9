using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Export;

/// <summary>Builds the <see cref="ComparisonReport"/> for a filter: the one model every report format renders.</summary>
public sealed class ReportQuery(
    PolicyDbContext db, ContradictionQueries comparisons, ProviderMatrixQueries matrices, IOptions<ReportsOptions> options, TimeProvider time)
{
    public async Task<ComparisonReport> BuildAsync(ReportFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var generatedAt = time.GetUtcNow();
        var comparison = await comparisons.CompareAsync(filter, ct);
        var inScope = filter.Apply(db.Claims.AsNoTracking(), db.Sources.AsNoTracking());

        var byStatus = await inScope.GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, ct);

        // Source metadata without the text; every source when nothing narrows the report, otherwise those it quotes.
        var claimsPerSource = comparison.Claims.GroupBy(c => c.SourceId).ToDictionary(g => g.Key, g => g.Count());
        var sources = (await db.Sources.AsNoTracking()
                .OrderBy(s => s.FileName)
                .Select(s => new { s.Id, s.FileName, s.Title, s.Kind, s.Sha256, s.Version, s.IngestedAt })
                .ToListAsync(ct))
            .Where(s => filter.IsEmpty || claimsPerSource.ContainsKey(s.Id))
            .Select(s => new ReportSource(s.Id, s.FileName, s.Title, s.Kind, s.Sha256, s.Version, s.IngestedAt, claimsPerSource.GetValueOrDefault(s.Id)))
            .ToList();
        var sourceById = sources.ToDictionary(s => s.Id);
        var kinds = sources.ToDictionary(s => s.Id, s => s.Kind);

        var reviews = await db.ContradictionReviews.AsNoTracking().ToListAsync(ct);
        var reviewByKey = reviews.ToDictionary(r => (r.Subject, r.Topic));

        var contradictions = comparison.Contradictions;
        var exampleIds = contradictions.SelectMany(f => f.Sides).SelectMany(s => s.Examples).Select(c => c.Id).ToList();
        var examples = await db.Claims.AsNoTracking()
            .Where(c => exampleIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Scope, c.Quote, c.Status, c.SourceId })
            .ToDictionaryAsync(c => c.Id, ct);

        var verdicts = await LoadVerdictsAsync(inScope, sourceById, ct);

        var sections = new List<SubjectSection>();
        foreach (var subject in comparison.Subjects.Select(s => s.Subject).Order(StringComparer.Ordinal))
        {
            var grid = comparison.Grid(subject);
            var columns = grid.Columns(kinds).Select(id => sourceById[id]).ToList();
            var rows = grid.Topics
                .Select(topic => new TopicRow(
                    topic,
                    comparison.IsDisputed(subject, topic),
                    [.. columns.Select(source => (IReadOnlyList<CellValue>)[.. grid.Cell(topic, source.Id).Claims
                        .Select(c => new CellValue(c.Value, c.Scope))
                        .Distinct()])]))
                .ToList();

            var findings = comparison.ForSubject(subject)
                .Where(f => f.Verdict == Verdict.Disagree)
                .Select(f =>
                {
                    var review = reviewByKey.TryGetValue((f.Subject, f.Topic), out var r)
                        ? new ContradictionVerdict(r.State, r.Reason, r.Note, r.ReviewedBy, r.ReviewedAt)
                        : ContradictionVerdict.Open;
                    return new ReportContradiction(
                        f.Subject,
                        f.Topic,
                        f.SelfContradiction,
                        f.Involved.ClaimIds.Count,
                        f.Involved.Sources.Count,
                        review,
                        [.. f.Sides.Select(side => new ReportSide(
                            side.Value,
                            side.ClaimCount,
                            side.SourceCount,
                            [.. side.Examples.Where(c => examples.ContainsKey(c.Id)).Select(claim => (Claim: claim, Row: examples[claim.Id])).Select(x => new ReportQuote(
                                x.Row.Id,
                                x.Row.Scope,
                                x.Row.Quote,
                                x.Row.SourceId,
                                sourceById.TryGetValue(x.Row.SourceId, out var s) ? s.Name : x.Claim.Source,
                                sourceById.TryGetValue(x.Row.SourceId, out var k) ? k.Kind : SourceKind.Article,
                                x.Row.Status,
                                f.SelfContradictingSources.Contains(x.Row.SourceId)))]))]);
                })
                .ToList();

            sections.Add(new SubjectSection(
                subject,
                grid.ClaimCount,
                columns,
                rows,
                findings,
                verdicts.GetValueOrDefault(subject) ?? []));
        }

        var states = Enum.GetValues<ContradictionState>().ToDictionary(s => s, _ => 0);
        foreach (var finding in sections.SelectMany(s => s.Contradictions))
        {
            states[finding.Review.State]++;
        }

        var summary = new ReportSummary(
            sources.Count,
            comparison.Claims.Count,
            contradictions.Count,
            contradictions.Count(f => f.SelfContradiction),
            comparison.Corroborations.Count,
            Enum.GetValues<ClaimStatus>().ToDictionary(s => s, s => byStatus.GetValueOrDefault(s)),
            states,
            [.. contradictions
                .GroupBy(f => f.Topic, StringComparer.Ordinal)
                .Select(g => new DisputedTopic(g.Key, [.. g.Select(f => f.Subject).Order(StringComparer.Ordinal)]))
                .OrderByDescending(t => t.Subjects.Count)
                .ThenBy(t => t.Topic, StringComparer.Ordinal)]);

        // The Providers page's matrix of the same comparison: the subjects the report names, most claims first.
        var providers = await matrices.BuildAsync(new MatrixQuery([], filter.Subjects, MatrixSort.Claims), filter, comparison, ct);
        return new ComparisonReport(
            generatedAt,
            options.Value.Organization.Name,
            filter,
            summary,
            new ReportProviders(providers.Matrix, matrices.Charts(providers.Matrix)),
            sections,
            sources,
            comparison.Changes);
    }

    /// <summary>Reviewed claims in scope by subject, with their evidence: the editors' verdicts and notes.</summary>
    private async Task<Dictionary<string, List<ReportVerdict>>> LoadVerdictsAsync(
        IQueryable<Claim> inScope, Dictionary<long, ReportSource> sources, CancellationToken ct)
    {
        var reviewed = inScope.Where(c => c.Status != ClaimStatus.Unreviewed);
        var claims = await reviewed
            .OrderBy(c => c.Subject).ThenBy(c => c.Topic).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Subject, c.Topic, c.Scope, c.Value, c.Quote, c.SourceId, c.Status, c.ReviewNote, c.ReviewedBy, c.ReviewedAt })
            .ToListAsync(ct);
        var evidence = (await db.ClaimEvidence.AsNoTracking()
                .Where(e => reviewed.Select(c => c.Id).Contains(e.ClaimId))
                .OrderBy(e => e.Id)
                .Select(e => new { e.ClaimId, e.Quote, e.SourceName, e.EvidenceClaimId })
                .ToListAsync(ct))
            .ToLookup(e => e.ClaimId);

        return claims
            .GroupBy(c => c.Subject, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Select(c => new ReportVerdict(
                        c.Id,
                        c.Topic,
                        c.Scope,
                        c.Value,
                        c.Quote,
                        sources.TryGetValue(c.SourceId, out var s) ? s.Name : $"source {c.SourceId}",
                        c.Status,
                        c.ReviewNote,
                        c.ReviewedBy,
                        c.ReviewedAt,
                        [.. evidence[c.Id].Select(e => new ReportEvidence(e.Quote, e.SourceName, e.EvidenceClaimId))]))
                    .ToList(),
                StringComparer.Ordinal);
    }
}
