namespace PolicyTracker.Web.Data;

/// <summary>
/// One change in the append-only history: who did what, when, from what to what, and why. Rows are only ever
/// inserted; the context refuses to update or delete them and the database refuses it too.
/// Names are copied in rather than referenced, so an entry still reads after its claim or user is gone.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The signed-in name of who made the change, or <see cref="AuditActors.Ingest"/>.</summary>
    public required string Actor { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The claim changed, when the entry is about one. Not a foreign key: the entry outlives the claim.</summary>
    public long? ClaimId { get; set; }

    public string? Subject { get; set; }

    public string? Topic { get; set; }

    /// <summary>What the change is about, for people: "claim 42", "user ada@example.org".</summary>
    public required string Target { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Note { get; set; }

    /// <summary>The evidence given with the change, as JSON (<see cref="AuditEvidence"/>), or null.</summary>
    public string? Evidence { get; set; }
}

public enum AuditAction
{
    ClaimStatusChanged,
    ContradictionReviewed,

    /// <summary>A reviewed claim is no longer in its source after a re-ingest; its last status is kept here.</summary>
    ClaimRemovedByIngest,

    /// <summary>An editor accepted a suggestion (it became a claim) or rejected it: From <c>Pending</c>, To the decision.</summary>
    SuggestionDecided,
    UserAdded,
    UserRoleChanged,
    UserUnlocked,

    /// <summary>An editor uploaded a file in the browser and it was stored: To is the version it became.</summary>
    SourceUploaded,
}

public static class AuditActors
{
    /// <summary>The actor of changes an ingest makes on its own.</summary>
    public const string Ingest = "ingest";
}
