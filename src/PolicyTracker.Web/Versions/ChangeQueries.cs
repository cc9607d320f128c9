using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Querying;

namespace PolicyTracker.Web.Versions;

/// <summary>A stored change as the Changes page, the diff summary and the feeds show it.</summary>
public sealed record ChangeRow(
    long Id,
    long SourceId,
    string SourceFileName,
    string? SourceTitle,
    string Subject,
    string Topic,
    string Scope,
    ChangeKind Kind,
    int? FromVersion,
    int ToVersion,
    DateTimeOffset ToObserved,
    string? FromValue,
    string? ToValue,
    string? FromQuote,
    string? ToQuote)
{
    public string SourceName => SourceTitle ?? SourceFileName;

    public string Title => ChangeWords.Title(Subject, Topic, FromValue, ToValue);

    public string Values => ChangeWords.Values(FromValue, ToValue);

    /// <summary>
    /// The diff of the step this change was found in; an added claim has no older side, but the step still starts
    /// at the version before. Null for a version 1, which has nothing before it to compare with.
    /// </summary>
    public string? DiffUrl => (FromVersion ?? ToVersion - 1) is var from and >= 1
        ? ChangeQueries.DiffUrl(SourceId, from, ToVersion)
        : null;
}

/// <summary>One page of changes, newest first.</summary>
public sealed record ChangePage(IReadOnlyList<ChangeRow> Items, int Total, int Page)
{
    public int PageCount => ClaimPage.PageCountOf(Total, ChangeFilter.PageSize);
}

/// <summary>
/// The stored changes between versions, read by the Changes page, the diff page, the claim page, the overview and
/// the Atom feeds. Newest first means by the newer version's observed date, then by id, which the
/// (ToObserved, Id) index serves on both databases.
/// </summary>
public sealed class ChangeQueries(PolicyDbContext db)
{
    /// <summary>How many entries a feed carries: enough for a reader polling daily, small enough to fetch often.</summary>
    public const int FeedSize = 50;

    public static string DiffUrl(long sourceId, int from, int to) => $"/Sources/{sourceId}/Diff?from={from}&to={to}";

    public async Task<ChangePage> SearchAsync(ChangeFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Filtered(filter);
        var total = await query.CountAsync(ct);

        // A page past the last shows the last page, as the Claims page does for a person following an old link.
        var page = Math.Min(filter.SafePage, ClaimPage.PageCountOf(total, ChangeFilter.PageSize));
        var skip = (long)(page - 1) * ChangeFilter.PageSize;
        var items = skip >= total ? [] : await Rows(Newest(query).Skip((int)skip).Take(ChangeFilter.PageSize)).ToListAsync(ct);
        return new ChangePage(items, total, page);
    }

    /// <summary>The newest changes, of one subject or of all: what a feed carries.</summary>
    public async Task<IReadOnlyList<ChangeRow>> LatestAsync(string? subject, CancellationToken ct) =>
        await Rows(Newest(Filtered(new ChangeFilter { Subject = subject })).Take(FeedSize)).ToListAsync(ct);

    /// <summary>Whether any claim or change is about <paramref name="subject"/>: a feed for it makes sense, if empty.</summary>
    public async Task<bool> IsKnownSubjectAsync(string subject, CancellationToken ct)
    {
        var lowered = subject.Trim().ToLowerInvariant();
        return await db.SourceChanges.AnyAsync(c => c.Subject == lowered, ct)
            || await db.Claims.IgnoreQueryFilters().AnyAsync(c => c.Subject == lowered, ct);
    }

    /// <summary>How many changes were observed from <paramref name="since"/> on.</summary>
    public Task<int> CountSinceAsync(DateTimeOffset since, CancellationToken ct) =>
        db.SourceChanges.CountAsync(c => c.ToObserved >= since, ct);

    /// <summary>The changes of every step from version <paramref name="from"/> to <paramref name="to"/> of a source, step by step.</summary>
    public async Task<IReadOnlyList<ChangeRow>> BetweenAsync(long sourceId, int from, int to, CancellationToken ct) =>
        await Rows(db.SourceChanges.AsNoTracking()
                .Where(c => c.SourceId == sourceId && c.ToVersion > from && c.ToVersion <= to)
                .OrderBy(c => c.ToVersion).ThenBy(c => c.Subject).ThenBy(c => c.Topic).ThenBy(c => c.Scope).ThenBy(c => c.Id))
            .ToListAsync(ct);

    /// <summary>How many changes each version of a source brought, by version.</summary>
    public Task<Dictionary<int, int>> CountsByVersionAsync(long sourceId, CancellationToken ct) =>
        db.SourceChanges.Where(c => c.SourceId == sourceId)
            .GroupBy(c => c.ToVersion)
            .Select(g => new { Version = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Version, g => g.Count, ct);

    /// <summary>The subjects and topics changes are about, and the sources they are in, for the filters.</summary>
    public async Task<ChangeChoices> ChoicesAsync(CancellationToken ct)
    {
        var subjects = await db.SourceChanges.Select(c => c.Subject).Distinct().ToListAsync(ct);
        var topics = await db.SourceChanges.Select(c => c.Topic).Distinct().ToListAsync(ct);
        var sourceIds = db.SourceChanges.Select(c => c.SourceId);
        var sources = await db.Sources.AsNoTracking()
            .Where(s => sourceIds.Contains(s.Id))
            .Select(s => new SourceChoice(s.Id, s.Title ?? s.FileName))
            .ToListAsync(ct);
        return new ChangeChoices(
            [.. subjects.Order(StringComparer.Ordinal)],
            [.. topics.Order(StringComparer.Ordinal)],
            [.. sources.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>
    /// Since which version a source has said what a claim says: the newest change on the claim's subject, topic and
    /// scope that arrived at the claim's value, or else the source's first version with text, which said it already.
    /// Null when the source has no version with text (stored before versions kept theirs).
    /// </summary>
    public async Task<VersionDate?> SinceAsync(long sourceId, string subject, string topic, string scope, string value, CancellationToken ct)
    {
        var change = await db.SourceChanges.AsNoTracking()
            .Where(c => c.SourceId == sourceId && c.Subject == subject && c.Topic == topic && c.Scope == scope && c.ToValue == value)
            .OrderByDescending(c => c.ToVersion)
            .Select(c => new VersionDate(c.ToVersion, c.ToObserved))
            .FirstOrDefaultAsync(ct);
        return change ?? await db.SourceVersions.AsNoTracking()
            .Where(v => v.SourceId == sourceId && v.Text != null)
            .OrderBy(v => v.Version)
            .Select(v => new VersionDate(v.Version, v.ObservedAt))
            .FirstOrDefaultAsync(ct);
    }

    private IQueryable<SourceChange> Filtered(ChangeFilter filter)
    {
        var query = db.SourceChanges.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            // Subjects are stored as lower-case slugs, as on the Claims page.
            var subject = filter.Subject.Trim().ToLowerInvariant();
            query = query.Where(c => c.Subject == subject);
        }

        if (!string.IsNullOrWhiteSpace(filter.Topic))
        {
            var topic = filter.Topic.Trim();
            query = query.Where(c => c.Topic == topic);
        }

        if (filter.Source is { } source)
        {
            query = query.Where(c => c.SourceId == source);
        }

        return query;
    }

    private static IOrderedQueryable<SourceChange> Newest(IQueryable<SourceChange> query) =>
        query.OrderByDescending(c => c.ToObserved).ThenByDescending(c => c.Id);

    private static IQueryable<ChangeRow> Rows(IQueryable<SourceChange> changes) =>
        changes.Select(c => new ChangeRow(
            c.Id, c.SourceId, c.Source!.FileName, c.Source.Title, c.Subject, c.Topic, c.Scope, c.Kind,
            c.FromVersion, c.ToVersion, c.ToObserved, c.FromValue, c.ToValue, c.FromQuote, c.ToQuote));
}

/// <summary>A version's number and the date it was observed.</summary>
public sealed record VersionDate(int Version, DateTimeOffset Observed)
{
    public string Since => ChangeWords.Since(Version, Observed);
}

public sealed record SourceChoice(long Id, string Name);

/// <summary>What the Changes page's filters offer.</summary>
public sealed record ChangeChoices(IReadOnlyList<string> Subjects, IReadOnlyList<string> Topics, IReadOnlyList<SourceChoice> Sources);
