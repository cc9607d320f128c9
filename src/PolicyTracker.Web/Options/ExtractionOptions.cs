namespace PolicyTracker.Web.Options;

/// <summary>How claims are extracted.</summary>
public sealed class ExtractionOptions
{
    public const string SectionName = "Extraction";

    /// <summary>
    /// A topic catalog to use instead of the built-in one (<c>catalog/topics.json</c> in the app folder), so an
    /// admin can add topics and patterns without a new build. Relative to the current directory unless rooted.
    /// </summary>
    public string? CatalogPath { get; set; }
}
