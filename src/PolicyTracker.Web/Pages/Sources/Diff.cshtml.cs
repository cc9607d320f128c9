using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Text;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Versions;

namespace PolicyTracker.Web.Pages.Sources;

/// <summary>
/// Two versions of a source side by side: the typed changes of every step between them, then their texts line by
/// line with the edited words and each version's claims marked. A request the page cannot answer is told why.
/// </summary>
public sealed class DiffModel(PolicyDbContext db, ChangeQueries changes) : PageModel
{
    /// <summary>Unchanged lines kept open next to each change; longer unchanged runs are folded.</summary>
    public const int ContextLines = 3;

    /// <summary>A fold must hide more than a line or two to be worth a click; shorter runs are shown open.</summary>
    public const int MinFolded = 3;

    public SourceName? Source { get; private set; }

    public Side? Older { get; private set; }

    public Side? Newer { get; private set; }

    /// <summary>Why there is no diff to show, when there is none.</summary>
    public string? Problem { get; private set; }

    public IReadOnlyList<ChangeRow> Changes { get; private set; } = [];

    public IReadOnlyList<DiffSection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, int? from, int? to, CancellationToken ct)
    {
        Source = await SourceName.FindAsync(db, id, ct);
        if (Source is null)
        {
            return NotFound();
        }

        if (from is null || to is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Pick two versions to compare on the source's history page.");
        }

        if (from == to)
        {
            return Refuse(StatusCodes.Status400BadRequest, $"Version {from} is compared with itself: pick two different versions.");
        }

        // Older on the left whichever way round the two were picked.
        var (older, newer) = from < to ? (from.Value, to.Value) : (to.Value, from.Value);
        var versions = await db.SourceVersions.AsNoTracking()
            .Where(v => v.SourceId == id && (v.Version == older || v.Version == newer))
            .ToListAsync(ct);
        var missing = new[] { older, newer }.Where(n => versions.All(v => v.Version != n)).ToList();
        if (missing.Count > 0)
        {
            return Refuse(StatusCodes.Status404NotFound,
                $"This source has no version {string.Join(" or ", missing)}: it has versions 1 to {Source.Version}.");
        }

        Older = await SideAsync(versions.Single(v => v.Version == older), ct);
        Newer = await SideAsync(versions.Single(v => v.Version == newer), ct);
        Changes = await changes.BetweenAsync(id, older, newer, ct);
        if (Older.Text is null || Newer.Text is null)
        {
            // The typed changes were kept; only the words are gone. Say so and still show what changed.
            var legacy = Older.Text is null ? Older : Newer;
            Problem = $"Version {legacy.Version} was stored before versions kept their text, so its words cannot be shown side by side.";
            return Page();
        }

        Sections = TextDiff.Collapse(TextDiff.Compare(Older.Text, Newer.Text), ContextLines);
        return Page();
    }

    public bool Identical => Sections.All(s => s.Rows.All(r => r.Kind == DiffKind.Same));

    private PageResult Refuse(int status, string problem)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<Side> SideAsync(SourceVersion version, CancellationToken ct)
    {
        var text = version.Text;
        IReadOnlyList<DiffClaim> claims = [];
        if (text is not null && version.Version == Source!.Version)
        {
            // The current version's claims are the stored rows, which have pages to link to.
            claims = await db.Claims.AsNoTracking()
                .Where(c => c.SourceId == version.SourceId)
                .OrderBy(c => c.Start)
                .Select(c => new DiffClaim(c.Id, new TextSpan(c.Start, c.End), c.Subject, c.Topic, c.Scope, c.Value))
                .ToListAsync(ct);
        }
        else if (text is not null)
        {
            claims = [.. VersionClaims.Claims(version.Claims, text)
                .Select(c => new DiffClaim(null, new TextSpan(c.Start, c.End), c.Subject, c.Topic, c.Scope, c.Value))];
        }

        return new Side(version.Version, version.ObservedAt, version.StatedDate, version.FileName, text, claims);
    }

    public sealed record Side(int Version, DateTimeOffset ObservedAt, DateOnly? StatedDate, string? FileName, string? Text, IReadOnlyList<DiffClaim> Claims)
    {
        public string Heading => ChangeWords.Version(Version, ObservedAt);

        public string Stated => ChangeWords.Stated(StatedDate);
    }
}
