using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Querying;

/// <summary>One row of a claims list: the claim with the source it was found in.</summary>
public sealed record ClaimRow(
    long Id,
    long SourceId,
    string SourceFileName,
    string? SourceTitle,
    SourceKind SourceKind,
    string Subject,
    string Topic,
    string Scope,
    string Value,
    string Quote,
    int Start,
    int End,
    ClaimStatus Status,
    int Revision,
    double Confidence,
    string? Cues,
    SuggestionState Suggestion)
{
    /// <summary>The cues the extractor read, parsed from their stored JSON.</summary>
    public IReadOnlyList<StoredCue> CueList => StoredCue.Parse(Cues);
}

/// <summary>A page of claims and how many match in all.</summary>
public sealed record ClaimPage(IReadOnlyList<ClaimRow> Items, int Total, int Page, int PageSize)
{
    public int PageCount => PageCountOf(Total, PageSize);

    /// <summary>The cursor of the next page: its rows come after this page's last.</summary>
    public long? LastId => Items.Count > 0 ? Items[^1].Id : null;

    /// <summary>The cursor of the previous page: its rows come before this page's first.</summary>
    public long? FirstId => Items.Count > 0 ? Items[0].Id : null;

    /// <summary>1 for an empty list, so there is always a page to show.</summary>
    public static int PageCountOf(int total, int pageSize) => Math.Max(1, (int)(((long)total + pageSize - 1) / pageSize));
}

/// <summary>What a page number past the last page answers.</summary>
public enum PastTheEnd
{
    /// <summary>That page, empty: a program reading page after page stops at the first empty one.</summary>
    Empty,

    /// <summary>The last page, saying it is the last: what a person following an old link wants to see.</summary>
    LastPage,
}

/// <summary>
/// The filtered, sorted and paged claims list shared by the Claims page and <c>/api/claims</c>, and the list of
/// suggestions waiting for an editor.
/// </summary>
public sealed partial class ClaimQueries(PolicyDbContext db, ClaimTotals totals)
{
    /// <summary>
    /// One page of the claims the filter matches. With a cursor (<see cref="ClaimFilter.After"/> or
    /// <see cref="ClaimFilter.Before"/>) the page is read by keyset from that claim, in the index's order; without one, or
    /// when the cursor's claim is gone, by its number. The total is counted once per filter and data version.
    /// </summary>
    public async Task<ClaimPage> SearchAsync(ClaimFilter filter, PastTheEnd pastTheEnd, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Filtered(db.Claims.AsNoTracking(), filter);
        var version = await DataVersion.ReadAsync(db, ct);
        var total = await totals.GetAsync(
            version, filter.CountKey, () => CountAsync(db, Filtered(db.Claims.IgnoreQueryFilters().AsNoTracking(), filter), ct));
        if (await KeysetPageAsync(query, total, filter, pastTheEnd, ct) is { } keyset)
        {
            return keyset;
        }

        return await PageAsync(ClaimOrder.Sort(query, filter.SortKey, filter.SortDescending), total, filter, pastTheEnd, ct);
    }

    /// <summary>
    /// The page after (or before) the cursor's claim. Null when there is no cursor, its claim no longer exists, or
    /// nothing lies beyond it where an old link should show the last page instead.
    /// </summary>
    private async Task<ClaimPage?> KeysetPageAsync(
        IQueryable<Claim> query, int total, ClaimFilter filter, PastTheEnd pastTheEnd, CancellationToken ct)
    {
        var backwards = filter.After is null;
        if ((filter.After ?? filter.Before) is not { } id || filter.SafePage < 2)
        {
            return null;
        }

        // The anchor may since have been made a suggestion or rejected; its place in the order is what counts.
        var anchor = await db.Claims.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ClaimAnchor(c.Id, c.Subject, c.Topic, c.Scope, c.Value, c.Status, c.Source!.FileName, c.Start))
            .SingleOrDefaultAsync(ct);
        if (anchor is null)
        {
            return null;
        }

        // Backwards reads the reverse order from the anchor and turns the page round.
        var descending = filter.SortDescending != backwards;
        var beyond = ClaimOrder.After(ClaimOrder.Sort(query, filter.SortKey, descending), filter.SortKey, descending, anchor);
        var items = await Rows(beyond.Take(filter.SafePageSize)).ToListAsync(ct);
        if (backwards)
        {
            items.Reverse();
        }

        return items.Count == 0 && pastTheEnd == PastTheEnd.LastPage ? null : new ClaimPage(items, total, filter.SafePage, filter.SafePageSize);
    }

    /// <summary>
    /// The suggestions waiting for an editor that match the filter's subject, topic, source and quote words, newest
    /// first (ids grow with every ingest); the other fields of the filter are for claims and are not applied.
    /// </summary>
    public async Task<ClaimPage> SearchSuggestionsAsync(ClaimFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var narrowed = new ClaimFilter { Subject = filter.Subject, Topic = filter.Topic, Source = filter.Source, Q = filter.Q };
        var query = Filtered(db.Claims.IgnoreQueryFilters().AsNoTracking().Where(c => c.Suggestion == SuggestionState.Pending), narrowed);
        var total = await query.CountAsync(ct);
        return await PageAsync(query.OrderByDescending(c => c.Id), total, filter, PastTheEnd.LastPage, ct);
    }

    private static async Task<ClaimPage> PageAsync(
        IQueryable<Claim> sorted, int total, ClaimFilter filter, PastTheEnd pastTheEnd, CancellationToken ct)
    {
        var pageSize = filter.SafePageSize;
        var page = pastTheEnd == PastTheEnd.LastPage
            ? Math.Min(filter.SafePage, ClaimPage.PageCountOf(total, pageSize))
            : filter.SafePage;

        // In 64 bits: page 999999999 times 50 does not fit an int, and wrapped round it would read the first page.
        var skip = (long)(page - 1) * pageSize;
        if (skip >= total)
        {
            return new ClaimPage([], total, page, pageSize);
        }

        var items = await Rows(sorted.Skip((int)skip).Take(pageSize)).ToListAsync(ct);
        return new ClaimPage(items, total, page, pageSize);
    }

    /// <summary>
    /// How many claims <paramref name="matching"/> holds, given as a query that ignores the query filter (so it
    /// also holds suggestions waiting and rejected ones). Counting with the filter would read every matching row for
    /// its suggestion state; counting without it is done from the wide indexes alone, and the suggestions among them,
    /// found from their own small indexes, are subtracted.
    /// </summary>
    public static async Task<int> CountAsync(PolicyDbContext db, IQueryable<Claim> matching, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await matching.CountAsync(ct);
        var pending = db.Claims.IgnoreQueryFilters().Where(c => c.Suggestion == SuggestionState.Pending).Select(c => c.Id);
        var rejected = db.Claims.IgnoreQueryFilters().Where(c => c.Suggestion == SuggestionState.Rejected).Select(c => c.Id);
        var hidden = await matching.CountAsync(c => pending.Contains(c.Id) || rejected.Contains(c.Id), ct);
        return all - hidden;
    }

    /// <summary>How many claims are stored, suggestions left out.</summary>
    public Task<int> CountClaimsAsync(CancellationToken ct) => CountAsync(db, db.Claims.IgnoreQueryFilters(), ct);

    /// <summary>How many suggestions wait for an editor.</summary>
    public Task<int> CountSuggestionsAsync(CancellationToken ct) =>
        db.Claims.IgnoreQueryFilters().CountAsync(c => c.Suggestion == SuggestionState.Pending, ct);

    /// <summary>One claim by id, or a suggestion: its page shows either, and says which.</summary>
    public Task<ClaimRow?> FindAsync(long id, CancellationToken ct) =>
        Rows(db.Claims.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id)).SingleOrDefaultAsync(ct);

    private static IQueryable<ClaimRow> Rows(IQueryable<Claim> claims) =>
        claims.Select(c => new ClaimRow(
            c.Id, c.SourceId, c.Source!.FileName, c.Source.Title, c.Source.Kind,
            c.Subject, c.Topic, c.Scope, c.Value, c.Quote, c.Start, c.End, c.Status, c.Revision,
            c.Confidence, c.Cues, c.Suggestion));

    /// <summary>
    /// The words of what a person typed into the search box (letters and digits, at most 20); every one must occur
    /// in a quote, the last one possibly as a prefix. Operators and punctuation are never passed to the database.
    /// </summary>
    public static IReadOnlyList<string> SearchWords(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : Word().Matches(text).Select(m => m.Value).Take(20).ToList();

    private IQueryable<Claim> Filtered(IQueryable<Claim> query, ClaimFilter filter)
    {
        if (Trimmed(filter.Subject)?.ToLowerInvariant() is { } subject)
        {
            // Subjects are stored as lower-case slugs, so the filter is lowered once and the index still serves it.
            query = query.Where(c => c.Subject == subject);
        }

        if (Trimmed(filter.Topic) is { } topic)
        {
            query = query.Where(c => c.Topic == topic);
        }

        if (Trimmed(filter.Scope) is { } scope)
        {
            query = query.Where(c => c.Scope == scope);
        }

        if (Trimmed(filter.Value) is { } value)
        {
            query = query.Where(c => c.Value == value);
        }

        // Source filters pick the sources first, from indexes that hold their names and kinds, and then their
        // claims; joining each claim to its source row would read every source's text along the way.
        if (Trimmed(filter.Source) is { } source)
        {
            var named = db.Sources.Where(s => s.FileName.Contains(source) || (s.Title != null && s.Title.Contains(source))).Select(s => s.Id);
            query = query.Where(c => named.Contains(c.SourceId));
        }

        if (filter.Kind is { } kind)
        {
            var ofKind = db.Sources.Where(s => s.Kind == kind).Select(s => s.Id);
            query = query.Where(c => ofKind.Contains(c.SourceId));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (SearchWords(filter.Q) is { Count: > 0 } words)
        {
            query = DatabaseProviders.WhereQuoteMatches(db, query, words);
        }

        return query;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
