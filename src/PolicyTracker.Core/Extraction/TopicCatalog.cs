namespace PolicyTracker.Core.Extraction;

/// <summary>A topic of the catalog: its key, the kind of value it takes and the question it answers.</summary>
public sealed record TopicDefinition(string Key, string ValueKind, string Question);

/// <summary>The topics the extractor looks for, loaded from data shipped with the app.</summary>
public sealed class TopicCatalog
{
    /// <summary>The catalog's topics.</summary>
    public IReadOnlyList<TopicDefinition> Topics { get; init; } = [];

    /// <summary>The built-in catalog.</summary>
    public static TopicCatalog Default { get; } = new();
}
