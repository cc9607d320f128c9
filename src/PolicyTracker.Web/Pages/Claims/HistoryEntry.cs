using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Pages.Claims;

/// <summary>An audit entry as the claim page and the activity feed show it.</summary>
public sealed record HistoryEntry(
    long Id, DateTimeOffset At, string Actor, AuditAction Action, string Target, long? ClaimId, string? From, string? To, string? Note,
    IReadOnlyList<AuditEvidence> Evidence)
{
    public static HistoryEntry Of(AuditEntry a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.At, a.Actor, a.Action, a.Target, a.ClaimId, a.From, a.To, a.Note, AuditEvidence.Parse(a.Evidence));
    }

    /// <summary>What happened, in a few words.</summary>
    public string Summary => Action switch
    {
        AuditAction.ClaimStatusChanged => From == To ? $"kept {To}, changed the note or evidence" : $"{From} → {To}",
        AuditAction.ContradictionReviewed => $"{From} → {To}",
        AuditAction.ClaimRemovedByIngest => $"removed by a re-ingest; it was {From}",
        AuditAction.SuggestionDecided => $"suggestion {From} → {To}",
        AuditAction.UserAdded => $"added as {To}",
        AuditAction.UserRoleChanged => $"role {From} → {To}",
        AuditAction.UserUnlocked => "unlocked",
        AuditAction.SourceUploaded => $"uploaded as {To}",
        _ => Action.ToString(),
    };
}
