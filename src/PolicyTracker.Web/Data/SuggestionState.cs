namespace PolicyTracker.Web.Data;

/// <summary>
/// Whether a claim is one: the extractor's confidence decides when it is stored, an editor's decision after that.
/// Only <see cref="None"/> and <see cref="Accepted"/> are claims; <see cref="PolicyDbContext"/> leaves the others out
/// of every query that does not ask for them. Stored by name.
/// </summary>
public enum SuggestionState
{
    /// <summary>The extractor was confident enough: a claim from the start.</summary>
    None,

    /// <summary>Below the threshold and waiting for an editor.</summary>
    Pending,

    /// <summary>An editor accepted the suggestion: a claim like any other.</summary>
    Accepted,

    /// <summary>An editor rejected it: kept, so ingesting the source again does not suggest it anew, but never listed.</summary>
    Rejected,
}

public static class SuggestionStates
{
    /// <summary>Whether a claim in this state counts: is listed, compared and exported.</summary>
    public static bool IsClaim(SuggestionState state) => state is SuggestionState.None or SuggestionState.Accepted;
}
