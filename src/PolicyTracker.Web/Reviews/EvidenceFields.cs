using System.ComponentModel.DataAnnotations;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Reviews;

/// <summary>
/// The evidence part of a tagging form: claims ticked in a list or typed as ids, and a quoted passage with its
/// source. Shared by the claim page and the bulk forms of the Claims and Compare pages.
/// </summary>
public sealed class EvidenceFields
{
    public List<long> ClaimIds { get; set; } = [];

    /// <summary>Claim ids typed by hand, separated by commas or spaces; "#12" and "claim 12" are understood too.</summary>
    [StringLength(500)]
    public string? ClaimIdsText { get; set; }

    [StringLength(ReviewLimits.QuoteLength)]
    public string? Passage { get; set; }

    [StringLength(ReviewLimits.SourceNameLength)]
    public string? PassageSource { get; set; }

    /// <summary>The evidence asked for, or the reason the typed ids cannot be read.</summary>
    public (EvidenceInput? Evidence, string? Error) Read()
    {
        var ids = new List<long>(ClaimIds);
        var tokens = (ClaimIdsText ?? "").Split([',', ';', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var token in tokens)
        {
            var digits = token.TrimStart('#');
            if (string.Equals(digits, "claim", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                return (null, $"'{token}' is not a claim id; type claim numbers such as 12, 40.");
            }

            ids.Add(id);
        }

        return (new EvidenceInput([.. ids.Distinct()], Passage, PassageSource), null);
    }
}
