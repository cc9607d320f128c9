namespace PolicyTracker.Web.Reviews;

/// <summary>
/// The accept/reject form for one suggestion: where it posts, the revision the page was loaded at, and the form's id.
/// <paramref name="Label"/> names the suggestion for screen readers when several forms share a page.
/// </summary>
public sealed record SuggestionDecisionView(long ClaimId, int Revision, string Action, string FormId, string Label);

/// <summary>The fields of the accept/reject form, posted as <c>Decision.*</c>.</summary>
public sealed class SuggestionDecisionInput
{
    public long ClaimId { get; set; }

    public int Revision { get; set; }

    public SuggestionDecision? Choice { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(Data.ReviewLimits.NoteLength)]
    public string? Note { get; set; }
}
