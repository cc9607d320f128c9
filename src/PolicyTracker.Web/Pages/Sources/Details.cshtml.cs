using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Text;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Pages.Sources;

public sealed class DetailsModel(PolicyDbContext db) : PageModel
{
    public SourceView? Source { get; private set; }

    public IReadOnlyList<HighlightedClaim> Claims { get; private set; } = [];

    /// <summary>
    /// What the current text is mostly in when the extractor does not read it, so the page can say why it has no claims.
    /// </summary>
    /// <remarks>
    /// Worked out from the stored text as the page is shown, not stored with the version: the page loads and renders
    /// the whole text anyway, and one more pass over it costs next to nothing; a stored column would need a migration
    /// and a backfill for every version ingested before it, and would go stale each time the detection improves. So
    /// the ingest line and this page apply the one rule, <see cref="UnreadLanguage"/>, to the same text.
    /// </remarks>
    public UnreadLanguage? Language { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Source = await db.Sources.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new SourceView(s.Id, s.FileName, s.Title, s.Kind, s.Format, s.Version, s.ByteCount, s.Sha256, s.IngestedAt, s.UpdatedAt, s.Text))
            .SingleOrDefaultAsync(ct);
        if (Source is null)
        {
            return NotFound();
        }

        Language = UnreadLanguage.Of(Source.Text);
        Claims = await db.Claims.AsNoTracking()
            .Where(c => c.SourceId == id)
            .OrderBy(c => c.Start).ThenBy(c => c.Id)
            .Select(c => new HighlightedClaim(c.Id, c.Start, c.End, c.Subject, c.Topic, c.Scope, c.Value))
            .ToListAsync(ct);
        return Page();
    }

    public sealed record SourceView(
        long Id,
        string FileName,
        string? Title,
        SourceKind Kind,
        SourceFormat Format,
        int Version,
        long ByteCount,
        string Sha256,
        DateTimeOffset IngestedAt,
        DateTimeOffset UpdatedAt,
        string Text);
}
