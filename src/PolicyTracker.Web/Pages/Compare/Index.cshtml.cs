using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PolicyTracker.Web.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Reviews;
using PolicyTracker.Web.Security;

namespace PolicyTracker.Web.Pages.Compare;

[OutputCache(PolicyName = ReadPageCache.PolicyName)]
[ReadPageQuery("subject", "page")]
public sealed class IndexModel(PolicyDbContext db, ContradictionQueries comparisons, TopicCatalog catalog, ClaimTagger tagger) : PageModel
{
    public const int SourcesPerPage = 8;

    [BindProperty]
    public BulkTagForm Bulk { get; set; } = new();

    public IReadOnlyList<string> BulkErrors { get; private set; } = [];

    public IReadOnlyList<ClaimReviewState> BulkNewer { get; private set; } = [];

    public string? Subject { get; private set; }

    public IReadOnlyList<SubjectCount> Subjects { get; private set; } = [];

    public IReadOnlyList<Column> Columns { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int SourceCount { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    [HandlerPolicy(Policies.Editor)]
    public async Task<IActionResult> OnPostBulkAsync([FromQuery] string? subject, [FromQuery] int page, CancellationToken ct)
    {
        var (outcome, message) = await BulkTagging.ApplyAsync(tagger, Bulk, ModelState, User.ActorName(), ct);
        if (outcome is TagOutcome.Saved)
        {
            TempData["Message"] = message;
            return Redirect(PageUrl(subject?.Trim().ToLowerInvariant(), page));
        }

        (BulkErrors, BulkNewer) = BulkTagging.Problems(outcome, Response);
        Bulk.Selected.Clear();
        await OnGetAsync(subject, page, ct);
        return Page();
    }

    public async Task OnGetAsync(string? subject, int page, CancellationToken ct)
    {
        var comparison = await comparisons.CompareAsync(ct);
        Subjects = comparison.Subjects;
        Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim().ToLowerInvariant();
        if (Subject is null)
        {
            return;
        }

        var grid = comparison.Grid(Subject);

        // Every source's kind, read whole from the Kind index (a few thousand short entries) rather than looked up
        // row by row in a table whose rows carry each source's text.
        var kinds = await db.Sources.AsNoTracking()
            .Select(s => new { s.Id, s.Kind })
            .ToDictionaryAsync(s => s.Id, s => s.Kind, ct);

        var ordered = grid.Columns(kinds);
        SourceCount = ordered.Count;
        PageCount = Math.Max(1, (SourceCount + SourcesPerPage - 1) / SourcesPerPage);
        PageNumber = Math.Clamp(page, 1, PageCount);
        var pageIds = ordered.Skip((PageNumber - 1) * SourcesPerPage).Take(SourcesPerPage).ToList();
        var titles = await db.Sources.AsNoTracking()
            .Where(s => pageIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Title })
            .ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        Columns = [.. pageIds.Select(id => new Column(id, grid.SourceNames[id], titles.GetValueOrDefault(id), kinds[id]))];

        var shownIds = grid.Topics
            .SelectMany(t => pageIds.SelectMany(id => grid.Cell(t, id).Claims))
            .Select(c => c.Id)
            .ToList();
        var quotes = await db.Claims.AsNoTracking()
            .Where(c => shownIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Quote, c.Status, c.Revision })
            .ToDictionaryAsync(c => c.Id, ct);

        var questions = catalog.Topics.ToDictionary(t => t.Key, t => t.Question, StringComparer.Ordinal);
        var topics = catalog.Topics.Select(t => t.Key).Concat(grid.Topics).Distinct(StringComparer.Ordinal);
        Rows = [.. topics.Select(topic =>
        {
            var finding = grid.Finding(topic);
            var cells = Columns.Select(column =>
            {
                var cell = grid.Cell(topic, column.Id);
                return new Cell(
                    column.Id,
                    [.. cell.Claims.Where(c => quotes.ContainsKey(c.Id)).Select(c => new CellClaim(c.Id, c.Scope, c.Value, quotes[c.Id].Quote, quotes[c.Id].Status, quotes[c.Id].Revision))],
                    [.. cell.Values.Select(ValueCount.Of)],
                    cell.Disputed,
                    cell.SelfContradiction);
            }).ToList();
            return new Row(
                topic,
                questions.GetValueOrDefault(topic),
                finding?.Verdict == Verdict.Disagree,
                finding?.SelfContradiction ?? false,
                finding?.ChangedOverTime ?? false,
                [.. (finding?.AllSides ?? []).Select(ValueCount.Of)],
                cells);
        })];
    }

    public string PageUrl(int page) => PageUrl(Subject, page);

    /// <summary>Where the bulk form posts: this page's handler, with the subject and page kept.</summary>
    public string BulkAction => QueryHelpers.AddQueryString(PageUrl(PageNumber), "handler", "Bulk");

    private static string PageUrl(string? subject, int page) =>
        QueryHelpers.AddQueryString("/Compare", new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["subject"] = subject,
            ["page"] = Math.Max(page, 1).ToString(CultureInfo.InvariantCulture),
        });

    public sealed record Column(long Id, string FileName, string? Title, SourceKind Kind);

    public sealed record Row(
        string Topic, string? Question, bool Disputed, bool SelfContradiction, bool ChangedOverTime, IReadOnlyList<ValueCount> Values, IReadOnlyList<Cell> Cells);

    public sealed record ValueCount(string Value, int Sources)
    {
        public static ValueCount Of(Side side) => new(side.Value, side.SourceCount);
    }

    /// <summary>
    /// One source's claims on one topic: each value it gives with how many sources give that value, whether another
    /// claim disputes it, and whether the source disagrees with itself here.
    /// </summary>
    public sealed record Cell(long SourceId, IReadOnlyList<CellClaim> Claims, IReadOnlyList<ValueCount> Values, bool Disputed, bool SelfContradiction);

    public sealed record CellClaim(long Id, string Scope, string Value, string Quote, ClaimStatus Status, int Revision);
}
