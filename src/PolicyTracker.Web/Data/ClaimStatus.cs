namespace PolicyTracker.Web.Data;

/// <summary>Where a claim stands after review; stored by name so the database reads on its own.</summary>
public enum ClaimStatus
{
    Unreviewed,
    Verified,
    Contradicted,
    Disputed,
    NotApplicable,
}
