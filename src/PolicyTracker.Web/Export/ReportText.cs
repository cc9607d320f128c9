using System.Globalization;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Reviews;

namespace PolicyTracker.Web.Export;

/// <summary>The words every report format uses for statuses, review states and kinds, so they read the same everywhere.</summary>
public static class ReportText
{
    public const string Title = "Comparison report";

    /// <summary>A status in the same words the app's pages use.</summary>
    public static string Status(ClaimStatus status) => ReviewWords.Describe(status);

    public static string State(ContradictionVerdict review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.State switch
        {
            ContradictionState.Confirmed => "Confirmed by an editor",
            ContradictionState.Dismissed => review.Reason is { } reason ? $"Dismissed: {Reason(reason)}" : "Dismissed",
            _ => "Open — not yet reviewed",
        };
    }

    public static string Reason(DismissalReason reason) => reason switch
    {
        DismissalReason.DifferentScope => "the claims are about different plans or users",
        DismissalReason.DifferentTime => "the claims describe the practice at different times",
        _ => "the extractor misread a sentence",
    };

    public static string Kind(SourceKind kind) => kind switch
    {
        SourceKind.OfficialPolicy => "Official policy",
        SourceKind.Guide => "Guide",
        _ => "Article",
    };

    /// <summary>Who reviewed and when, for the line under a verdict; empty when nobody is recorded.</summary>
    public static string ReviewedBy(string? who, DateTimeOffset? when) => (who, when) switch
    {
        (null, null) => "",
        (_, null) => $"by {who}",
        (null, _) => $"on {Date(when.Value)}",
        _ => $"by {who} on {Date(when.Value)}",
    };

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Count(int count, string one, string many) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";
}
