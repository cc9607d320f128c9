using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace PolicyTracker.Web.Versions;

/// <summary>
/// What the Changes page narrows the changes by. Every field is a query-string parameter of the same name, so a
/// filtered page of changes is a link, as on the Claims page.
/// </summary>
public sealed class ChangeFilter
{
    public const int PageSize = 50;

    public string? Subject { get; set; }

    public string? Topic { get; set; }

    /// <summary>The source's id: a source is picked from a list, so a name shared by two sources is never ambiguous.</summary>
    public long? Source { get; set; }

    /// <summary>1-based; optional, like every field.</summary>
    public int? Page { get; set; }

    public bool IsNarrowed => !string.IsNullOrWhiteSpace(Subject) || !string.IsNullOrWhiteSpace(Topic) || Source is not null;

    public int SafePage => Math.Max(1, Page ?? 1);

    /// <summary>The filter as query-string values on page <paramref name="page"/>, leaving out what is empty.</summary>
    public Dictionary<string, string> ToQuery(int page)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(Subject))
        {
            query["subject"] = Subject.Trim();
        }

        if (!string.IsNullOrWhiteSpace(Topic))
        {
            query["topic"] = Topic.Trim();
        }

        if (Source is { } source)
        {
            query["source"] = source.ToString(CultureInfo.InvariantCulture);
        }

        if (page > 1)
        {
            query["page"] = page.ToString(CultureInfo.InvariantCulture);
        }

        return query;
    }

    /// <summary>The Changes page with this filter, on page <paramref name="page"/>.</summary>
    public string Url(int page = 1) =>
        QueryHelpers.AddQueryString("/Changes", ToQuery(page).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
}
