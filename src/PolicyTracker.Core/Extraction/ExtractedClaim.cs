using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// One statement about one subject's data practice, found in a source.
/// <see cref="Quote"/> is exactly the slice <see cref="Span"/> of the source's extracted text.
/// </summary>
public sealed record ExtractedClaim(string Subject, string Topic, string Scope, string Value, string Quote, TextSpan Span);
