using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Versions;

namespace PolicyTracker.Web.Pages.Sources;

/// <summary>A source's versions, newest first, with a form to compare any two of them.</summary>
public sealed class HistoryModel(PolicyDbContext db, ChangeQueries changes) : PageModel
{
    public SourceName? Source { get; private set; }

    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Source = await SourceName.FindAsync(db, id, ct);
        if (Source is null)
        {
            return NotFound();
        }

        var counts = await changes.CountsByVersionAsync(id, ct);
        var versions = await db.SourceVersions.AsNoTracking()
            .Where(v => v.SourceId == id)
            .OrderByDescending(v => v.Version)
            .Select(v => new { v.Version, v.ObservedAt, v.StatedDate, v.FileName, v.ClaimCount, HasText = v.Text != null })
            .ToListAsync(ct);
        Versions = [.. versions.Select(v => new VersionRow(
            v.Version, v.ObservedAt, v.StatedDate, v.FileName, v.ClaimCount, counts.GetValueOrDefault(v.Version), v.HasText, v.Version == Source.Version))];
        return Page();
    }

    /// <summary>The pair the compare form starts with: the current version against the one before it.</summary>
    public (int From, int To) DefaultPair => Versions.Count > 1 ? (Versions[1].Version, Versions[0].Version) : (1, 1);

    public sealed record VersionRow(
        int Version, DateTimeOffset ObservedAt, DateOnly? StatedDate, string? FileName, int ClaimCount, int ChangeCount, bool HasText, bool IsCurrent)
    {
        public string Stated => ChangeWords.Stated(StatedDate);
    }
}

/// <summary>The few facts about a source that its history and diff pages head themselves with.</summary>
public sealed record SourceName(long Id, string FileName, string? Title, int Version)
{
    public string Name => Title ?? FileName;

    public static Task<SourceName?> FindAsync(PolicyDbContext db, long id, CancellationToken ct) =>
        db.Sources.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new SourceName(s.Id, s.FileName, s.Title, s.Version))
            .SingleOrDefaultAsync(ct);
}
