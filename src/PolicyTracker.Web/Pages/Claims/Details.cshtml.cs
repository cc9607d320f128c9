using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Querying;

namespace PolicyTracker.Web.Pages.Claims;

public sealed class DetailsModel(PolicyDbContext db, ClaimQueries claims) : PageModel
{
    private const int RelatedShown = 50;

    public ClaimRow? Claim { get; private set; }

    public QuoteContext? Context { get; private set; }

    public IReadOnlyList<Related> Others { get; private set; } = [];

    public int AgreeCount { get; private set; }

    public int DisagreeCount { get; private set; }

    public int OtherScopeCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Claim = await claims.FindAsync(id, ct);
        if (Claim is null)
        {
            return NotFound();
        }

        var text = await db.Sources.Where(s => s.Id == Claim.SourceId).Select(s => s.Text).SingleAsync(ct);
        Context = QuoteContext.Around(text, Claim.Start, Claim.End);

        var subject = Claim.Subject;
        var topic = Claim.Topic;
        var all = await db.Claims.AsNoTracking()
            .Where(c => c.Subject == subject && c.Topic == topic && c.Id != id)
            .Select(c => new { c.Id, c.Scope, c.Value })
            .ToListAsync(ct);
        var relations = all.ToDictionary(c => c.Id, c => RelationTo(Claim, c.Scope, c.Value));
        AgreeCount = relations.Values.Count(r => r == Relation.Agrees);
        DisagreeCount = relations.Values.Count(r => r == Relation.Disagrees);
        OtherScopeCount = relations.Values.Count(r => r == Relation.OtherScope);

        // Disagreement first: it is what an analyst opens a claim to check.
        var shownIds = relations.OrderBy(p => p.Value).ThenBy(p => p.Key).Take(RelatedShown).Select(p => p.Key).ToList();
        var rows = await db.Claims.AsNoTracking()
            .Where(c => shownIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Scope, c.Value, c.Quote, c.SourceId, c.Source!.FileName, c.Source.Title, c.Source.Kind })
            .ToListAsync(ct);
        Others = [.. rows
            .Select(r => new Related(r.Id, r.Scope, r.Value, r.Quote, r.SourceId, r.Title ?? r.FileName, r.Kind, relations[r.Id], r.SourceId == Claim.SourceId))
            .OrderBy(r => r.Relation).ThenBy(r => r.Id)];
        return Page();
    }

    private static Relation RelationTo(ClaimRow claim, string scope, string value) =>
        !Scopes.Overlap(claim.Scope, scope) ? Relation.OtherScope
        : value == claim.Value ? Relation.Agrees
        : Relation.Disagrees;

    public enum Relation
    {
        Disagrees,
        Agrees,
        OtherScope,
    }

    public sealed record Related(
        long Id, string Scope, string Value, string Quote, long SourceId, string SourceName, SourceKind Kind, Relation Relation, bool SameSource);
}
