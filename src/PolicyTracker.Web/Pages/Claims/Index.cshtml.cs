using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using PolicyTracker.Web.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Querying;
using PolicyTracker.Web.Reviews;
using PolicyTracker.Web.Security;

namespace PolicyTracker.Web.Pages.Claims;

[OutputCache(PolicyName = ReadPageCache.PolicyName)]
[ReadPageQuery("subject", "topic", "scope", "value", "source", "kind", "status", "q", "sort", "page", "pageSize", "after", "before")]
[EnableRateLimiting(RateLimits.Search)]
public sealed class IndexModel(ClaimQueries claims, ContradictionQueries comparisons, TopicCatalog catalog, ClaimTagger tagger) : PageModel
{
    [BindProperty]
    public BulkTagForm Bulk { get; set; } = new();

    public IReadOnlyList<string> BulkErrors { get; private set; } = [];

    public IReadOnlyList<ClaimReviewState> BulkNewer { get; private set; } = [];

    public ClaimFilter Filter { get; private set; } = new();

    public ClaimPage Result { get; private set; } = new([], 0, 1, ClaimFilter.DefaultPageSize);

    public IReadOnlyList<string> Subjects { get; private set; } = [];

    public IReadOnlyList<string> Topics { get; private set; } = [];

    public static IReadOnlyList<string> ScopeNames => Scopes.Known;

    [HandlerPolicy(Policies.Editor)]
    public async Task<IActionResult> OnPostBulkAsync([FromQuery] ClaimFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (outcome, message) = await BulkTagging.ApplyAsync(tagger, Bulk, ModelState, User.ActorName(), ct);
        if (outcome is TagOutcome.Saved)
        {
            TempData["Message"] = message;
            return Redirect(ClaimsUrl(filter.ToQuery()));
        }

        (BulkErrors, BulkNewer) = BulkTagging.Problems(outcome, Response);
        Bulk.Selected.Clear();
        await OnGetAsync(filter, ct);
        return Page();
    }

    public async Task OnGetAsync([FromQuery] ClaimFilter filter, CancellationToken ct)
    {
        Filter = filter;
        Result = await claims.SearchAsync(filter, PastTheEnd.LastPage, ct);

        var comparison = await comparisons.CompareAsync(ct);
        Subjects = [.. comparison.Subjects.Select(s => s.Subject).Order(StringComparer.Ordinal)];

        // The catalog's topics, plus any a stored claim uses that the catalog no longer lists.
        Topics = [.. catalog.Topics.Select(t => t.Key)
            .Union(comparison.Topics, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    public static string ClaimsUrl(IDictionary<string, string> query) =>
        QueryHelpers.AddQueryString("/Claims", query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    /// <summary>
    /// The link to a page. Next and previous carry the claim they follow or precede (keyset paging: plain links, so
    /// they work without scripts, and stable while claims are added); a page number alone is read by offset.
    /// </summary>
    public string? PageUrl(int page) => ClaimsUrl(
        page == Result.Page + 1 ? Filter.ToQuery(page, after: Result.LastId)
        : page == Result.Page - 1 ? Filter.ToQuery(page, before: Result.FirstId)
        : Filter.ToQuery(page));

    /// <summary>Where the bulk form posts: this page's handler, with the filters kept in the query string.</summary>
    public string BulkAction => QueryHelpers.AddQueryString(ClaimsUrl(Filter.ToQuery()), "handler", "Bulk");

    /// <summary>The aria-sort value of a column header.</summary>
    public string? AriaSort(string key) =>
        Filter.SortKey != key ? null : Filter.SortDescending ? "descending" : "ascending";
}
