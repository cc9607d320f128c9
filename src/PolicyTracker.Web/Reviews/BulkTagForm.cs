using System.ComponentModel.DataAnnotations;
using System.Globalization;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Reviews;

/// <summary>
/// The bulk tagging form of the Claims and Compare pages: the ticked claims, each as "id:revision" so a claim
/// someone changed after the page was loaded is caught, and one status, note and evidence for all of them.
/// </summary>
public sealed class BulkTagForm
{
    public List<string> Selected { get; set; } = [];

    public ClaimStatus? Status { get; set; }

    [StringLength(ReviewLimits.NoteLength)]
    public string? Note { get; set; }

    public EvidenceFields Evidence { get; set; } = new();

    /// <summary>The value of a claim's checkbox.</summary>
    public static string ValueOf(long id, int revision) => string.Create(CultureInfo.InvariantCulture, $"{id}:{revision}");

    /// <summary>What to ask the tagger, or why the form cannot be read.</summary>
    public (IReadOnlyList<ClaimVersion> Targets, TagRequest? Request, string? Error) Read()
    {
        var targets = new List<ClaimVersion>();
        foreach (var value in Selected)
        {
            var parts = value.Split(':');
            if (parts.Length != 2
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
            {
                return ([], null, "The form's claim list is damaged; reload the page and try again.");
            }

            targets.Add(new ClaimVersion(id, revision));
        }

        if (targets.Count == 0)
        {
            return ([], null, "Tick at least one claim.");
        }

        if (Status is not { } status)
        {
            return (targets, null, "Choose the status to give the ticked claims.");
        }

        var (evidence, error) = Evidence.Read();
        return evidence is null ? (targets, null, error) : (targets, new TagRequest(status, Note, evidence), null);
    }
}

/// <summary>What the bulk bar partial shows: where it posts, what was entered, and why the last post was refused.</summary>
public sealed record BulkTagBarView(string FormId, string Action, BulkTagForm Values, IReadOnlyList<string> Errors, IReadOnlyList<ClaimReviewState> Newer);
