using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Export;

namespace PolicyTracker.Web.Pages.Export;

/// <summary>
/// Chooses what an export covers and in which format. The filters are plain checkboxes in a GET form, so each
/// download button sends the current choice and the page works without scripts.
/// </summary>
public sealed class IndexModel(PolicyDbContext db, ContradictionQueries comparisons, ReportExporter exporter) : PageModel
{
    public ReportFilter Filter { get; private set; } = ReportFilter.All;

    public string? Error { get; private set; }

    public IReadOnlyList<string> Subjects { get; private set; } = [];

    public IReadOnlyList<string> Topics { get; private set; } = [];

    public int ClaimCount { get; private set; }

    public int SourceCount { get; private set; }

    public int ReviewedCount { get; private set; }

    public bool CanPrintPdf => exporter.CanPrintPdf;

    public async Task OnGetAsync(string[] subject, string[] topic, string[] status, string[] kind, CancellationToken ct)
    {
        if (ReportFilter.TryParse(subject, topic, status, kind, out var filter, out var error))
        {
            Filter = filter;
        }
        else
        {
            Error = error;
        }

        var comparison = await comparisons.CompareAsync(ct);
        Subjects = [.. comparison.Subjects.Select(s => s.Subject).Order(StringComparer.Ordinal)];
        Topics = comparison.Topics;

        var inScope = Filter.Apply(db.Claims.AsNoTracking(), db.Sources.AsNoTracking());
        ClaimCount = await inScope.CountAsync(ct);
        SourceCount = await inScope.Select(c => c.SourceId).Distinct().CountAsync(ct);
        ReviewedCount = await inScope.CountAsync(c => c.Status != ClaimStatus.Unreviewed, ct);
    }

    public bool IsChosen(ClaimStatus status) => Filter.Statuses.Contains(status);

    public bool IsChosen(SourceKind kind) => Filter.Kinds.Contains(kind);

    /// <summary>A link to one format of the current choice, for the command-line equivalent shown on the page.</summary>
    public string DownloadUrl(string format) =>
        QueryHelpers.AddQueryString("/Export/Download", [new("format", format), .. Filter.ToQuery()]);
}
