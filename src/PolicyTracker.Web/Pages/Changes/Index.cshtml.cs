using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyTracker.Web.Versions;

namespace PolicyTracker.Web.Pages.Changes;

/// <summary>
/// Every typed change between versions of a source, newest first, filtered by subject, topic and source in the query
/// string. A change over time is history, never a contradiction: the older side is no longer what the source says.
/// </summary>
public sealed class IndexModel(ChangeQueries changes) : PageModel
{
    public ChangeFilter Filter { get; private set; } = new();

    public ChangePage Result { get; private set; } = new([], 0, 1);

    public ChangeChoices Choices { get; private set; } = new([], [], []);

    public async Task OnGetAsync([FromQuery] ChangeFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Filter = filter;
        Result = await changes.SearchAsync(filter, ct);
        Choices = await changes.ChoicesAsync(ct);
    }

    public string? PageUrl(int page) => Filter.Url(page);

    /// <summary>The feed that follows what this page lists: the subject's own when one is picked, else all changes.</summary>
    public FeedInfo Feed => string.IsNullOrWhiteSpace(Filter.Subject) ? FeedInfo.All : FeedInfo.For(Filter.Subject.Trim().ToLowerInvariant());
}
