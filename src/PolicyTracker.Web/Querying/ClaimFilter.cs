using System.Globalization;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Querying;

/// <summary>
/// What the Claims page and <c>/api/claims</c> narrow the claims by. Every field is a query-string parameter
/// of the same name, so a filtered, sorted page of claims is a link that can be bookmarked and shared.
/// </summary>
public sealed class ClaimFilter
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    /// <summary>The sort keys, each ascending; a leading '-' makes it descending.</summary>
    public static IReadOnlyList<string> SortKeys { get; } = ["subject", "topic", "scope", "value", "source", "status", "id"];

    public string? Subject { get; set; }

    public string? Topic { get; set; }

    public string? Scope { get; set; }

    public string? Value { get; set; }

    /// <summary>Part of the source's file name or title.</summary>
    public string? Source { get; set; }

    public SourceKind? Kind { get; set; }

    public ClaimStatus? Status { get; set; }

    /// <summary>Words to find in the quotes (full-text, every word must occur; the last may be a prefix).</summary>
    public string? Q { get; set; }

    public string? Sort { get; set; }

    /// <summary>1-based; optional, like every field, so an endpoint binding the filter never requires it.</summary>
    public int? Page { get; set; }

    public int? PageSize { get; set; }

    /// <summary>
    /// The id of the last claim on the previous page: this page starts after it in the sort order (keyset paging), so
    /// claims added or removed meanwhile neither shift a claim onto two pages nor past both. <see cref="Page"/> still
    /// numbers the page for people.
    /// </summary>
    public long? After { get; set; }

    /// <summary>The id of the first claim on the next page: this page ends before it (the way back).</summary>
    public long? Before { get; set; }

    public bool IsNarrowed =>
        !string.IsNullOrWhiteSpace(Subject) || !string.IsNullOrWhiteSpace(Topic) || !string.IsNullOrWhiteSpace(Scope)
        || !string.IsNullOrWhiteSpace(Value) || !string.IsNullOrWhiteSpace(Source) || Kind is not null || Status is not null
        || !string.IsNullOrWhiteSpace(Q);

    public int SafePage => Math.Max(1, Page ?? 1);

    public int SafePageSize => Math.Clamp(PageSize ?? DefaultPageSize, 1, MaxPageSize);

    /// <summary>The sort key without its direction, or the default when the key is unknown.</summary>
    public string SortKey
    {
        get
        {
            var key = (Sort ?? "").TrimStart('-').Trim().ToLowerInvariant();
            return SortKeys.Contains(key) ? key : "subject";
        }
    }

    public bool SortDescending => Sort?.TrimStart().StartsWith('-') == true && SortKeys.Contains(SortKey);

    /// <summary>The filter as query-string values, leaving out what is empty or default.</summary>
    public Dictionary<string, string> ToQuery()
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        Add("subject", Subject);
        Add("topic", Topic);
        Add("scope", Scope);
        Add("value", Value);
        Add("source", Source);
        Add("kind", Kind?.ToString());
        Add("status", Status?.ToString());
        Add("q", Q);
        Add("sort", string.IsNullOrWhiteSpace(Sort) ? null : Sort.Trim());
        Add("page", SafePage == 1 ? null : SafePage.ToString(CultureInfo.InvariantCulture));
        Add("pageSize", SafePageSize == DefaultPageSize ? null : SafePageSize.ToString(CultureInfo.InvariantCulture));
        Add("after", After?.ToString(CultureInfo.InvariantCulture));
        Add("before", Before?.ToString(CultureInfo.InvariantCulture));
        return query;

        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query[name] = value.Trim();
            }
        }
    }

    /// <summary>
    /// The same filter's query string on another page, found by its number alone or, given the claim it follows or
    /// precedes, by keyset. The first page needs no cursor.
    /// </summary>
    public Dictionary<string, string> ToQuery(int page, long? after = null, long? before = null)
    {
        var query = ToQuery();
        query.Remove("page");
        query.Remove("after");
        query.Remove("before");
        if (page > 1)
        {
            query["page"] = page.ToString(CultureInfo.InvariantCulture);
            if ((after ?? before) is { } id)
            {
                query[after is null ? "before" : "after"] = id.ToString(CultureInfo.InvariantCulture);
            }
        }

        return query;
    }

    /// <summary>What the claims matching this filter are counted by: every narrowing field, and nothing about the page.</summary>
    public string CountKey => string.Join('&', ToQuery()
        .Where(p => p.Key is not ("page" or "pageSize" or "sort" or "after" or "before"))
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary>The filter sorted by <paramref name="key"/>: ascending first, descending when already ascending by it.</summary>
    public Dictionary<string, string> ToQuerySortedBy(string key)
    {
        var query = ToQuery(1);
        query["sort"] = SortKey == key && !SortDescending ? "-" + key : key;
        return query;
    }
}
