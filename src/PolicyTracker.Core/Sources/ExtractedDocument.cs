namespace PolicyTracker.Core.Sources;

/// <summary>
/// A source as its reader produced it: the extracted plain text every quote is a slice of,
/// and the blocks that give that text its structure, in document order.
/// </summary>
public sealed record ExtractedDocument(string Text, IReadOnlyList<TextBlock> Blocks, SourceFormat Format, string? Title);
