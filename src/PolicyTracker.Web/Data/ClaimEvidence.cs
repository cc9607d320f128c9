namespace PolicyTracker.Web.Data;

/// <summary>
/// One piece of evidence for a claim's status: another stored claim, or a passage quoted from a named source.
/// The quote and source name are copied in, so the evidence still reads when the claim it came from is gone.
/// </summary>
public sealed class ClaimEvidence
{
    public long Id { get; set; }

    public long ClaimId { get; set; }

    public Claim? Claim { get; set; }

    /// <summary>The stored claim this evidence is, or null for a passage quoted by hand.</summary>
    public long? EvidenceClaimId { get; set; }

    public required string Quote { get; set; }

    /// <summary>Where the quote is from: a source's file name, or the citation (title, address) the editor gave.</summary>
    public required string SourceName { get; set; }
}
