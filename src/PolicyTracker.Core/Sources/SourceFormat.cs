namespace PolicyTracker.Core.Sources;

/// <summary>The file formats PolicyTracker reads.</summary>
public enum SourceFormat
{
    /// <summary>Plain text, taken as is.</summary>
    Text,

    /// <summary>Markdown, read with Markdig.</summary>
    Markdown,

    /// <summary>HTML, read with AngleSharp the way a browser reads it.</summary>
    Html,
}
