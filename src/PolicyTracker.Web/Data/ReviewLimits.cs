namespace PolicyTracker.Web.Data;

/// <summary>Lengths an editor's input is held to, shared by the forms' validation and the columns.</summary>
public static class ReviewLimits
{
    public const int NoteLength = 2000;

    public const int QuoteLength = 4000;

    public const int SourceNameLength = 500;

    /// <summary>How many pieces of evidence one status change may carry.</summary>
    public const int EvidenceCount = 20;
}
