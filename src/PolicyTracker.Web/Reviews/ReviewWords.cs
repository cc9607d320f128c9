using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Reviews;

/// <summary>How statuses, review states and reasons read on pages, in the history and in the reports.</summary>
public static class ReviewWords
{
    public static string Describe(ClaimStatus status) => status switch
    {
        ClaimStatus.Unreviewed => "Unreviewed",
        ClaimStatus.Verified => "Verified",
        ClaimStatus.Contradicted => "Contradicted",
        ClaimStatus.Disputed => "Disputed — needs more evidence",
        ClaimStatus.NotApplicable => "Not applicable",
        _ => status.ToString(),
    };

    public static string Describe(DismissalReason reason) => reason switch
    {
        DismissalReason.DifferentScope => "different scope",
        DismissalReason.DifferentTime => "different time",
        DismissalReason.ExtractorMisread => "misread by the extractor",
        _ => reason.ToString(),
    };

    public static string Describe(ContradictionState state, DismissalReason? reason) =>
        state == ContradictionState.Dismissed && reason is { } r ? $"Dismissed ({Describe(r)})" : state.ToString();
}
