namespace PolicyTracker.Core.Extraction;

/// <summary>
/// Where a claim stops being a suggestion. A claim at or above the threshold counts in contradictions and
/// corroborations; one below it waits for an editor to accept or reject it.
/// </summary>
public static class Confidence
{
    /// <summary>The default threshold; <c>Extraction:SuggestionThreshold</c> may set another.</summary>
    public const double DefaultThreshold = 0.6;
}
