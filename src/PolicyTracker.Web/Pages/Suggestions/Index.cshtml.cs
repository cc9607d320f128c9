using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Options;
using PolicyTracker.Web.Querying;
using PolicyTracker.Web.Reviews;
using PolicyTracker.Web.Security;

namespace PolicyTracker.Web.Pages.Suggestions;

/// <summary>
/// The claims the extractor was not sure enough of, waiting for an editor, newest first. Everyone may read the list;
/// editors accept or reject each row. Filters (subject, topic, source) live in the query string, as on the Claims page.
/// </summary>
public sealed class IndexModel(ClaimQueries claims, ContradictionQueries comparisons, SuggestionReviewer reviewer, IOptions<ExtractionOptions> extraction) : PageModel
{
    [BindProperty]
    public SuggestionDecisionInput Decision { get; set; } = new();

    public ClaimFilter Filter { get; private set; } = new();

    public ClaimPage Result { get; private set; } = new([], 0, 1, ClaimFilter.DefaultPageSize);

    /// <summary>The subjects and topics of the suggestions waiting, for the filters.</summary>
    public IReadOnlyList<string> Subjects { get; private set; } = [];

    public IReadOnlyList<string> Topics { get; private set; } = [];

    public double Threshold => extraction.Value.SuggestionThreshold;

    /// <summary>The suggestion a refused decision was about, with why it was refused.</summary>
    public long? Refused { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public StoredSuggestion? Newer { get; private set; }

    public async Task OnGetAsync([FromQuery] ClaimFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Filter = filter;
        Result = await claims.SearchSuggestionsAsync(filter, ct);
        var comparison = await comparisons.CompareAsync(ct);
        Subjects = [.. comparison.Suggestions.Select(s => s.Subject).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Topics = [.. comparison.Suggestions.Select(s => s.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    [HandlerPolicy(Policies.Editor)]
    public async Task<IActionResult> OnPostDecideAsync([FromQuery] ClaimFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var id = Decision.ClaimId;
        var outcome = await reviewer.DecideFormAsync(
            [.. ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)], id, Decision.Revision, Decision.Choice, Decision.Note, User.ActorName(), ct);
        switch (outcome)
        {
            case SuggestionOutcome.Saved saved:
                TempData["Message"] = SuggestionReviewer.Confirmation(id, saved.State);
                return Redirect(ListUrl(filter.ToQuery(filter.SafePage)));
            case SuggestionOutcome.NotFound:
                return NotFound();
            case SuggestionOutcome.Invalid invalid:
                Errors = invalid.Errors;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case SuggestionOutcome.Stale stale:
                Newer = stale.Current;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        Refused = id;
        await OnGetAsync(filter, ct);
        return Page();
    }

    public static string ListUrl(IDictionary<string, string> query) =>
        QueryHelpers.AddQueryString("/Suggestions", query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));

    public string? PageUrl(int page) => ListUrl(Filter.ToQuery(page));

    /// <summary>Where each row's form posts: this page's handler, with the filters and page kept.</summary>
    public string DecideAction => QueryHelpers.AddQueryString(ListUrl(Filter.ToQuery(Filter.SafePage)), "handler", "Decide");
}
