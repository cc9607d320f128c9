using System.Text.Json;
using PolicyTracker.Core.Extraction;

namespace PolicyTracker.Web.Data;

/// <summary>
/// One of the cues the extractor read for a claim (<see cref="Cue"/>), as the claim's <c>Cues</c> column keeps them:
/// a JSON array, since they are only ever read and written with their claim. <see cref="Start"/> and
/// <see cref="End"/> are offsets in the source's extracted text, like the claim's own, or null for a cue with no span.
/// </summary>
public sealed record StoredCue(string Kind, string Text, int? Start, int? End)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static StoredCue From(Cue cue)
    {
        ArgumentNullException.ThrowIfNull(cue);
        return new(cue.Kind, cue.Text, cue.Span?.Start, cue.Span?.End);
    }

    /// <summary>Whether the cue's words lie inside [<paramref name="start"/>, <paramref name="end"/>), e.g. the claim's quote.</summary>
    public bool IsInside(int start, int end) => Start is { } s && End is { } e && s >= start && s < e && e <= end;

    public static string? Serialize(IEnumerable<Cue> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var stored = cues.Select(From).ToList();
        return stored.Count == 0 ? null : JsonSerializer.Serialize(stored, Json);
    }

    public static IReadOnlyList<StoredCue> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<StoredCue>>(json, Json) ?? [];
}
