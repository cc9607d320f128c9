using System.Text.Json;

namespace PolicyTracker.Web.Data;

/// <summary>Evidence as the audit history keeps it: a copy, so later changes to the claim's evidence leave it alone.</summary>
public sealed record AuditEvidence(long? ClaimId, string Quote, string SourceName)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string? Serialize(IReadOnlyCollection<ClaimEvidence> evidence) =>
        evidence.Count == 0
            ? null
            : JsonSerializer.Serialize(evidence.Select(e => new AuditEvidence(e.EvidenceClaimId, e.Quote, e.SourceName)), Json);

    public static IReadOnlyList<AuditEvidence> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<AuditEvidence>>(json, Json) ?? [];
}
