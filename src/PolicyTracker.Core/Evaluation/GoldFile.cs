using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyTracker.Core.Evaluation;

/// <summary>A hand-labelled claim: what a careful reader finds in the source.</summary>
public sealed record GoldClaim(string Subject, string Topic, string Scope, string Value, string Quote);

/// <summary>One labelled document; an empty claim list means the document states nothing the catalog asks about.</summary>
public sealed record GoldDocument(string Source, IReadOnlyList<GoldClaim> Claims);

/// <summary>A hand-labelled set of documents, read from JSON.</summary>
public sealed record GoldFile(IReadOnlyList<GoldDocument> Documents)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>Reads a gold file; a malformed file fails with the reason.</summary>
    public static GoldFile Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<GoldFile>(stream, Options)
            ?? throw new InvalidDataException($"{path}: the gold file is empty");
    }
}
