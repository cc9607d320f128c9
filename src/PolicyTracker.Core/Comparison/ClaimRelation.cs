namespace PolicyTracker.Core.Comparison;

/// <summary>
/// How one claim stands to another on the same subject and topic (CLAIMS.md, "Contradiction and corroboration").
/// Declared in the order an analyst reads them: disagreement first.
/// </summary>
public enum ClaimRelation
{
    /// <summary>The scopes overlap and the values differ.</summary>
    Disagrees,

    /// <summary>The scopes overlap and the values are equal.</summary>
    Agrees,

    /// <summary>The scopes do not overlap, so the claims neither agree nor disagree.</summary>
    OtherScope,
}

/// <summary>The one place that decides whether two claims agree, disagree or speak of different people's data.</summary>
public static class ClaimRelations
{
    /// <summary>How a claim with <paramref name="scope"/> and <paramref name="value"/> stands to one with <paramref name="otherScope"/> and <paramref name="otherValue"/>.</summary>
    public static ClaimRelation Between(string scope, string value, string otherScope, string otherValue) =>
        !Scopes.Overlap(scope, otherScope) ? ClaimRelation.OtherScope
        : string.Equals(value, otherValue, StringComparison.Ordinal) ? ClaimRelation.Agrees
        : ClaimRelation.Disagrees;

    /// <summary>How <paramref name="claim"/> stands to <paramref name="other"/>; both are taken to share subject and topic.</summary>
    public static ClaimRelation Between(ComparableClaim claim, ComparableClaim other)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(other);
        return Between(claim.Scope, claim.Value, other.Scope, other.Value);
    }
}

/// <summary>Another claim on the same subject and topic, and how it stands to the claim asked about.</summary>
public sealed record RelatedClaim(ComparableClaim Claim, ClaimRelation Relation);
