using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PolicyTracker.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Reviews;
using PolicyTracker.Web.Security;

namespace PolicyTracker.Web.Pages.Contradictions;

[OutputCache(PolicyName = ReadPageCache.PolicyName)]
[ReadPageQuery("subject", "topic", "state", "page")]
public sealed class IndexModel(PolicyDbContext db, ContradictionQueries comparisons, ContradictionReviewer reviewer) : PageModel
{
    private const int FindingsPerPage = 20;

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    /// <summary>Only contradictions in this review state, or all.</summary>
    public ContradictionState? State { get; private set; }

    /// <summary>The contradiction a refused review was for, with why it was refused and, if stale, what is stored now.</summary>
    public (string Subject, string Topic)? Refused { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public ContradictionReviewState? Newer { get; private set; }

    public string? Subject { get; private set; }

    public string? Topic { get; private set; }

    public int Total { get; private set; }

    public int PageNumber { get; private set; }

    public int PageCount { get; private set; }

    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    public IReadOnlyList<SubjectCount> Subjects { get; private set; } = [];

    /// <summary>Contradictions that accepting suggestions would add, for the subject and topic filtered on; at most <see cref="PossibleShown"/>.</summary>
    public IReadOnlyList<PossibleFinding> Possible { get; private set; } = [];

    public int PossibleTotal { get; private set; }

    public const int PossibleShown = 20;

    public Task OnGetAsync(string? subject, string? topic, ContradictionState? state, int page, CancellationToken ct) =>
        LoadAsync(subject, topic, state, page, ct);

    [HandlerPolicy(Policies.Editor)]
    public async Task<IActionResult> OnPostReviewAsync(
        [FromQuery] string? subject, [FromQuery] string? topic, [FromQuery] ContradictionState? state, [FromQuery] int page, CancellationToken ct)
    {
        var outcome = ModelState.IsValid
            ? await reviewer.ReviewAsync(
                new ContradictionReviewRequest(Input.Subject, Input.Topic, Input.Revision, Input.State, Input.Reason, Input.Note), User.ActorName(), ct)
            : new ReviewOutcome.Invalid([.. ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)]);
        switch (outcome)
        {
            case ReviewOutcome.Saved:
                TempData["Message"] = $"Saved: {Input.Subject} {Input.Topic} is {ReviewWords.Describe(Input.State, Input.State == ContradictionState.Dismissed ? Input.Reason : null)}.";
                return Redirect(ListUrl(subject, topic, state, page) + "#" + ContradictionAnchors.For(Input.Subject, Input.Topic));
            case ReviewOutcome.NotFound:
                return NotFound();
            case ReviewOutcome.Invalid invalid:
                Errors = invalid.Errors;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case ReviewOutcome.Stale stale:
                Newer = stale.Current;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        Refused = (Input.Subject, Input.Topic);
        await LoadAsync(subject, topic, state, page, ct);
        return Page();
    }

    private async Task LoadAsync(string? subject, string? topic, ContradictionState? state, int page, CancellationToken ct)
    {
        Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim().ToLowerInvariant();
        Topic = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim();
        State = state;

        var comparison = await comparisons.CompareAsync(ct);
        Subjects = comparison.Subjects;
        var reviews = await reviewer.LoadAllAsync(ct);
        ContradictionReviewState ReviewOf(string s, string t) => reviews.GetValueOrDefault((s, t)) ?? ContradictionReviewState.Open(s, t);
        var matching = comparison.Contradictions
            .Where(f => (Subject is null || f.Subject == Subject) && (Topic is null || f.Topic == Topic))
            .Where(f => State is null || ReviewOf(f.Subject, f.Topic).State == State)
            .ToList();
        Total = matching.Count;
        PageCount = Math.Max(1, (Total + FindingsPerPage - 1) / FindingsPerPage);
        PageNumber = Math.Clamp(page, 1, PageCount);
        var shown = matching.Skip((PageNumber - 1) * FindingsPerPage).Take(FindingsPerPage).ToList();

        var exampleIds = shown.SelectMany(f => f.Sides).SelectMany(s => s.Examples).Select(c => c.Id).ToList();
        var examples = await db.Claims.AsNoTracking()
            .Where(c => exampleIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Scope, c.Quote, c.SourceId, c.Source!.FileName, c.Source.Title, c.Source.Kind, c.Status })
            .ToDictionaryAsync(c => c.Id, ct);

        await LoadPossibleAsync(comparison, ct);

        Findings = [.. shown.Select(f => new Finding(
            f.Subject,
            f.Topic,
            f.SelfContradiction,
            f.ChangedOverTime,
            f.Involved.Sources.Count,
            f.Involved.ClaimIds.Count,
            ReviewOf(f.Subject, f.Topic),
            [.. f.Sides.Select(s => new ReportSide(
                s.Value,
                s.ClaimCount,
                s.SourceCount,
                [.. s.Examples.Where(c => examples.ContainsKey(c.Id)).Select(c => examples[c.Id]).Select(q => new ReportQuote(
                    q.Id, q.Scope, q.Quote, q.SourceId, q.Title ?? q.FileName, q.Kind, q.Status, f.SelfContradictingSources.Contains(q.SourceId)))]))]))];
    }

    /// <summary>
    /// The possible contradictions: each value with how many claims give it now and the suggestions that would add
    /// to it, so an editor sees which suggestion makes the disagreement.
    /// </summary>
    private async Task LoadPossibleAsync(ComparisonModel comparison, CancellationToken ct)
    {
        var matching = comparison.PossibleContradictions
            .Where(p => (Subject is null || p.Finding.Subject == Subject) && (Topic is null || p.Finding.Topic == Topic))
            .ToList();
        PossibleTotal = matching.Count;
        var shown = matching.Take(PossibleShown).ToList();
        var ids = shown.SelectMany(p => p.SuggestionIds).ToList();
        var rows = await db.Claims.IgnoreQueryFilters().AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new PossibleSuggestion(c.Id, c.Scope, c.Value, c.Quote, c.Confidence, c.SourceId, c.Source!.FileName, c.Source.Title, c.Source.Kind))
            .ToDictionaryAsync(c => c.Id, ct);
        Possible = [.. shown.Select(p => new PossibleFinding(
            p.Finding.Subject,
            p.Finding.Topic,
            [.. p.Sides.Select(side => new PossibleSide(side.Value, side.ClaimCount, [.. side.SuggestionIds.Where(rows.ContainsKey).Select(id => rows[id])]))]))];
    }

    public string PageUrl(int page) => ListUrl(Subject, Topic, State, page);

    /// <summary>Where a review form posts: this page's handler, with the list's filters and page kept.</summary>
    public string ReviewAction => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(PageUrl(PageNumber), "handler", "Review");

    private static string ListUrl(string? subject, string? topic, ContradictionState? state, int page)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal) { ["subject"] = subject, ["topic"] = topic, ["state"] = state?.ToString() };
        if (page > 1)
        {
            query["page"] = page.ToString(CultureInfo.InvariantCulture);
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Contradictions", query.Where(p => p.Value is not null));
    }

    public sealed record Finding(
        string Subject,
        string Topic,
        bool SelfContradiction,
        bool ChangedOverTime,
        int SourceCount,
        int ClaimCount,
        ContradictionReviewState Review,
        IReadOnlyList<ReportSide> Sides);

    public sealed record PossibleFinding(string Subject, string Topic, IReadOnlyList<PossibleSide> Sides);

    /// <summary>One value of a possible contradiction: the claims that give it now, and the suggestions that would.</summary>
    public sealed record PossibleSide(string Value, int ClaimCount, IReadOnlyList<PossibleSuggestion> Suggestions);

    public sealed record PossibleSuggestion(
        long Id, string Scope, string Value, string Quote, double Confidence, long SourceId, string FileName, string? Title, SourceKind Kind);

    public sealed class ReviewInput
    {
        [Required]
        public string Subject { get; set; } = "";

        [Required]
        public string Topic { get; set; } = "";

        public int Revision { get; set; }

        public ContradictionState State { get; set; }

        public DismissalReason? Reason { get; set; }

        [StringLength(ReviewLimits.NoteLength)]
        public string? Note { get; set; }
    }
}
