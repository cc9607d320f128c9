namespace PolicyTracker.Core.Sources;

/// <summary>Guesses whether a source is the provider's own policy, a guide or an article.</summary>
public static class SourceKindGuesser
{
    /// <summary>The most likely kind of <paramref name="document"/>.</summary>
    public static SourceKind Guess(string fileName, ExtractedDocument document) => SourceKind.Article;
}
