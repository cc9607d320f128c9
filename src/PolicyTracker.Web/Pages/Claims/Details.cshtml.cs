using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Options;
using PolicyTracker.Web.Querying;
using PolicyTracker.Web.Reviews;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Versions;

namespace PolicyTracker.Web.Pages.Claims;

public sealed class DetailsModel(
    PolicyDbContext db, ClaimQueries claims, ContradictionQueries comparisons, ClaimTagger tagger, SuggestionReviewer suggestions, ChangeQueries changes, IOptions<ExtractionOptions> extraction) : PageModel
{
    private const int RelatedShown = 50;

    [BindProperty]
    public TagInput Input { get; set; } = new();

    [BindProperty]
    public SuggestionDecisionInput Decision { get; set; } = new();

    /// <summary>Below this confidence a claim is stored as a suggestion.</summary>
    public double Threshold => extraction.Value.SuggestionThreshold;

    public IReadOnlyList<StoredCue> Cues { get; private set; } = [];

    /// <summary>The last accept or reject of this claim as a suggestion, if any.</summary>
    public HistoryEntry? LastDecision { get; private set; }

    /// <summary>Why the last accept or reject was refused.</summary>
    public IReadOnlyList<string> DecisionErrors { get; private set; } = [];

    /// <summary>Set when another editor decided first: what is stored now.</summary>
    public StoredSuggestion? NewerDecision { get; private set; }

    public ClaimRow? Claim { get; private set; }

    public QuoteContext? Context { get; private set; }

    public string? ReviewNote { get; private set; }

    /// <summary>The quote an editor reviewed, when a newer version of the source has reworded it since.</summary>
    public string? PreviousQuote { get; private set; }

    /// <summary>Since which version of its source the claim has been said; null for a source without kept versions.</summary>
    public VersionDate? Since { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public IReadOnlyList<EvidenceView> Evidence { get; private set; } = [];

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public IReadOnlyList<Related> Others { get; private set; } = [];

    public int AgreeCount { get; private set; }

    public int DisagreeCount { get; private set; }

    public int OtherScopeCount { get; private set; }

    /// <summary>Why the last save was refused, as sentences to show above the form.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Set when another editor saved first: what they saved, shown instead of silently overwriting it.</summary>
    public ClaimReviewState? Newer { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new TagInput { Status = Claim!.Status, Note = ReviewNote, Revision = Claim.Revision, Evidence = CurrentEvidenceAsInput() };
        return Page();
    }

    [HandlerPolicy(Policies.Editor)]
    public async Task<IActionResult> OnPostTagAsync(long id, CancellationToken ct)
    {
        var (evidence, evidenceError) = Input.Evidence.Read();
        TagOutcome outcome = !ModelState.IsValid
            ? new TagOutcome.Invalid([.. ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)])
            : evidence is null
                ? new TagOutcome.Invalid([evidenceError!])
                : await tagger.TagAsync([new ClaimVersion(id, Input.Revision)], new TagRequest(Input.Status, Input.Note, evidence), User.ActorName(), ct);

        switch (outcome)
        {
            case TagOutcome.Saved saved:
                TempData["Message"] = saved.Changed == 0
                    ? "Nothing to save: the claim already had this status, note and evidence."
                    : $"Saved: claim {id} is now {ReviewWords.Describe(Input.Status)}.";
                return Redirect($"/Claims/{id}#review");
            case TagOutcome.NotFound:
                return NotFound();
            case TagOutcome.Invalid invalid:
                Errors = invalid.Errors;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case TagOutcome.Stale stale:
                // The form keeps what this editor typed, now against the newer revision: saving again is a
                // decision made with the other editor's change in view.
                Newer = stale.Current.Single();
                Input.Revision = Newer.Revision;
                ModelState.Remove("Input.Revision");
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    [HandlerPolicy(Policies.Editor)]
    public async Task<IActionResult> OnPostDecideAsync(long id, CancellationToken ct)
    {
        var outcome = await suggestions.DecideFormAsync(
            [.. ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)], id, Decision.Revision, Decision.Choice, Decision.Note, User.ActorName(), ct);
        switch (outcome)
        {
            case SuggestionOutcome.Saved saved:
                TempData["Message"] = SuggestionReviewer.Confirmation(id, saved.State);
                return Redirect($"/Claims/{id}");
            case SuggestionOutcome.NotFound:
                return NotFound();
            case SuggestionOutcome.Invalid invalid:
                DecisionErrors = invalid.Errors;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case SuggestionOutcome.Stale stale:
                NewerDecision = stale.Current;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new TagInput { Status = Claim!.Status, Note = ReviewNote, Revision = Claim.Revision, Evidence = CurrentEvidenceAsInput() };
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Claim = await claims.FindAsync(id, ct);
        if (Claim is null)
        {
            return false;
        }

        Cues = Claim.CueList;
        var review = await db.Claims.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { c.ReviewNote, c.ReviewedBy, c.ReviewedAt, c.PreviousQuote, Text = c.Source!.Text })
            .SingleAsync(ct);
        (ReviewNote, ReviewedBy, ReviewedAt, PreviousQuote) = (review.ReviewNote, review.ReviewedBy, review.ReviewedAt, review.PreviousQuote);
        Since = await changes.SinceAsync(Claim.SourceId, Claim.Subject, Claim.Topic, Claim.Scope, Claim.Value, ct);
        Context = QuoteContext.Around(review.Text, Claim.Start, Claim.End);

        var evidence = await db.ClaimEvidence.AsNoTracking().Where(e => e.ClaimId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var stillThere = await ExistingAsync(evidence.Select(e => e.EvidenceClaimId), ct);
        Evidence = [.. evidence.Select(e => new EvidenceView(e.EvidenceClaimId, stillThere.Contains(e.EvidenceClaimId ?? 0), e.Quote, e.SourceName))];

        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.ClaimId == id).OrderByDescending(a => a.Id).ToListAsync(ct);
        History = [.. entries.Select(HistoryEntry.Of)];
        LastDecision = History.FirstOrDefault(h => h.Action == AuditAction.SuggestionDecided);

        await LoadRelatedAsync(ct);
        return true;
    }

    /// <summary>
    /// The form starts from the evidence saved now, so changing only the note does not drop it: claims in the list
    /// below are ticked, other claims are typed, a quoted passage is filled in.
    /// </summary>
    private EvidenceFields CurrentEvidenceAsInput()
    {
        var listed = Others.Select(o => o.Id).ToHashSet();
        var claimIds = Evidence.Where(e => e.Linkable).Select(e => e.ClaimId!.Value).ToList();
        var passage = Evidence.FirstOrDefault(e => e.ClaimId is null);
        return new EvidenceFields
        {
            ClaimIds = [.. claimIds.Where(listed.Contains)],
            ClaimIdsText = string.Join(", ", claimIds.Where(id => !listed.Contains(id))),
            Passage = passage?.Quote,
            PassageSource = passage?.SourceName,
        };
    }

    private async Task<HashSet<long>> ExistingAsync(IEnumerable<long?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<long>().ToList();
        return wanted.Count == 0 ? [] : [.. await db.Claims.Where(c => wanted.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)];
    }

    private async Task LoadRelatedAsync(CancellationToken ct)
    {
        var claim = Claim!;
        var comparison = await comparisons.CompareAsync(ct);
        var me = new ComparableClaim(claim.Id, claim.SourceId, claim.SourceFileName, claim.Subject, claim.Topic, claim.Scope, claim.Value);
        var relations = comparison.Find(claim.Subject, claim.Topic)?.RelationsTo(me) ?? [];
        AgreeCount = relations.Count(r => r.Relation == ClaimRelation.Agrees);
        DisagreeCount = relations.Count(r => r.Relation == ClaimRelation.Disagrees);
        OtherScopeCount = relations.Count(r => r.Relation == ClaimRelation.OtherScope);

        // The comparison lists them disagreement first: what an analyst opens a claim to check.
        var shown = relations.Take(RelatedShown).ToList();
        var shownIds = shown.Select(r => r.Claim.Id).ToList();
        var rows = await db.Claims.AsNoTracking()
            .Where(c => shownIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Scope, c.Value, c.Quote, c.Status, c.SourceId, c.Source!.FileName, c.Source.Title, c.Source.Kind })
            .ToDictionaryAsync(c => c.Id, ct);
        Others = [.. shown
            .Where(r => rows.ContainsKey(r.Claim.Id))
            .Select(r => (Row: rows[r.Claim.Id], r.Relation))
            .Select(x => new Related(
                x.Row.Id, x.Row.Scope, x.Row.Value, x.Row.Quote, x.Row.Status, x.Row.SourceId, x.Row.Title ?? x.Row.FileName, x.Row.Kind, x.Relation, x.Row.SourceId == claim.SourceId))];
    }

    public sealed record Related(
        long Id, string Scope, string Value, string Quote, ClaimStatus Status, long SourceId, string SourceName, SourceKind Kind, ClaimRelation Relation, bool SameSource);

    /// <summary>A piece of the current evidence; <paramref name="Linkable"/> when the claim it names still exists.</summary>
    public sealed record EvidenceView(long? ClaimId, bool Linkable, string Quote, string SourceName);

    public sealed class TagInput
    {
        public ClaimStatus Status { get; set; }

        [StringLength(ReviewLimits.NoteLength)]
        public string? Note { get; set; }

        /// <summary>The claim's revision when the form was loaded; a save against an older one is refused.</summary>
        public int Revision { get; set; }

        public EvidenceFields Evidence { get; set; } = new();
    }
}
