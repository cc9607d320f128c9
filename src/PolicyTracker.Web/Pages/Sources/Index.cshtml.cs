using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Pages.Sources;

public sealed class IndexModel(PolicyDbContext db) : PageModel
{
    private const int PageSize = 50;

    public string? Query { get; private set; }

    public SourceKind? Kind { get; private set; }

    public int Total { get; private set; }

    public int PageNumber { get; private set; }

    public int PageCount { get; private set; }

    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    public async Task OnGetAsync(string? q, SourceKind? kind, int page, CancellationToken ct)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Kind = kind;
        var sources = db.Sources.AsNoTracking();
        if (Query is { } text)
        {
            sources = sources.Where(s => s.FileName.Contains(text) || (s.Title != null && s.Title.Contains(text)));
        }

        if (Kind is { } k)
        {
            sources = sources.Where(s => s.Kind == k);
        }

        Total = await sources.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page, 1, PageCount);
        Sources = await sources
            .OrderBy(s => s.FileName)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(s => new SourceRow(s.Id, s.FileName, s.Title, s.Kind, s.Format, s.Version, s.ByteCount, s.IngestedAt, s.Claims.Count))
            .ToListAsync(ct);
    }

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal) { ["q"] = Query, ["kind"] = Kind?.ToString() };
        if (page > 1)
        {
            query["page"] = page.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString("/Sources", query.Where(p => p.Value is not null));
    }

    public sealed record SourceRow(
        long Id, string FileName, string? Title, SourceKind Kind, SourceFormat Format, int Version, long ByteCount, DateTimeOffset IngestedAt, int ClaimCount);
}
