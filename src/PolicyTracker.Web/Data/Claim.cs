namespace PolicyTracker.Web.Data;

/// <summary>A stored claim (see CLAIMS.md); <c>Source.Text[Start..End] == Quote</c> always holds.</summary>
public sealed class Claim
{
    public long Id { get; set; }

    public long SourceId { get; set; }

    public Source? Source { get; set; }

    public required string Subject { get; set; }

    public required string Topic { get; set; }

    public required string Scope { get; set; }

    public required string Value { get; set; }

    public required string Quote { get; set; }

    public int Start { get; set; }

    public int End { get; set; }

    /// <summary>How sure the extractor was that the quote makes this claim, from 0 to 1.</summary>
    public double Confidence { get; set; } = 1;

    /// <summary>What the extractor read to make the claim, as JSON (<see cref="StoredCue"/>), or null for none.</summary>
    public string? Cues { get; set; }

    /// <summary>A suggestion waiting for an editor, accepted or rejected, or <see cref="SuggestionState.None"/> for a claim from the start.</summary>
    public SuggestionState Suggestion { get; set; } = SuggestionState.None;

    public ClaimStatus Status { get; set; } = ClaimStatus.Unreviewed;

    /// <summary>
    /// The quote this claim had when an editor last reviewed it, kept when a new version of the source changed the
    /// quote's words: the review came along, but needs doing again. Null when the quote is the one reviewed.
    /// </summary>
    public string? PreviousQuote { get; set; }

    /// <summary>The editor's note on the current status.</summary>
    public string? ReviewNote { get; set; }

    /// <summary>Who set the current status (their sign-in name, kept even if the account goes).</summary>
    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>
    /// Raised by one with every editorial change and checked on save, so of two editors who loaded the same
    /// revision only the first can save; the second is shown what changed instead of overwriting it.
    /// </summary>
    public int Revision { get; set; }

    /// <summary>What backs the current status; replaced, not appended to, when the status is set again.</summary>
    public List<ClaimEvidence> Evidence { get; } = [];
}
