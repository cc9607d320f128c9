using System.Text.Json;
using System.Text.Json.Serialization;
using PolicyTracker.Core.Versions;

namespace PolicyTracker.Web.Data;

/// <summary>
/// A version's claims as one compact JSON column on <see cref="SourceVersion"/>. They are only ever read whole, to
/// compare two versions or mark a version's text, so one value per version costs one write instead of one row per
/// claim; the quotes are not stored, as each is the version's text at its span.
/// </summary>
public static partial class VersionClaims
{
    public static string Serialize(IEnumerable<Row> claims) => JsonSerializer.Serialize(claims.ToList(), Json.Default.ListRow);

    /// <summary>The rows stored for a version; empty for none.</summary>
    public static IReadOnlyList<Row> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize(json, Json.Default.ListRow) ?? [];

    /// <summary>The claims a version makes, with their quotes from its text; suggestions are not claims and are left out.</summary>
    public static IReadOnlyList<VersionClaim> Claims(string? json, string text) =>
        [.. Read(json)
            .Where(r => !r.Suggestion && r.End <= text.Length && r.Start <= r.End)
            .Select(r => new VersionClaim(r.Subject, r.Topic, r.Scope, r.Value, text[r.Start..r.End], r.Start, r.End))];

    /// <summary>One claim of a version.</summary>
    public sealed record Row(
        [property: JsonPropertyName("s")] string Subject,
        [property: JsonPropertyName("t")] string Topic,
        [property: JsonPropertyName("c")] string Scope,
        [property: JsonPropertyName("v")] string Value,
        [property: JsonPropertyName("a")] int Start,
        [property: JsonPropertyName("b")] int End,
        [property: JsonPropertyName("g")] bool Suggestion);

    [JsonSerializable(typeof(List<Row>))]
    private sealed partial class Json : JsonSerializerContext;
}
