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

    public ClaimStatus Status { get; set; } = ClaimStatus.Unreviewed;
}
