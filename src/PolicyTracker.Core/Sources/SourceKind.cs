namespace PolicyTracker.Core.Sources;

/// <summary>What kind of document a source is; guessed at ingest and editable later.</summary>
public enum SourceKind
{
    /// <summary>A blog post, news story or review written about a provider.</summary>
    Article,

    /// <summary>A how-to or help page explaining settings step by step.</summary>
    Guide,

    /// <summary>The provider's own privacy policy, terms or help centre text.</summary>
    OfficialPolicy,
}
