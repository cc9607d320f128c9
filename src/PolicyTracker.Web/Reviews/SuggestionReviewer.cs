using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Reviews;

/// <summary>What an editor does with a suggestion.</summary>
public enum SuggestionDecision
{
    /// <summary>It becomes a claim: listed, compared and exported like any other.</summary>
    Accept,

    /// <summary>It is kept, marked rejected and never listed, so a re-ingest does not suggest it again.</summary>
    Reject,
}

public sealed record SuggestionRequest(long ClaimId, int Revision, SuggestionDecision Decision, string? Note);

/// <summary>A suggestion as stored now; shown to an editor whose decision came too late.</summary>
public sealed record StoredSuggestion(long ClaimId, int Revision, SuggestionState State, string? DecidedBy, DateTimeOffset? DecidedAt);

public abstract record SuggestionOutcome
{
    public sealed record Saved(SuggestionState State) : SuggestionOutcome;

    public sealed record Invalid(IReadOnlyList<string> Errors) : SuggestionOutcome;

    /// <summary>Someone decided or changed it first; nothing was changed. <paramref name="Current"/> is what is stored.</summary>
    public sealed record Stale(StoredSuggestion Current) : SuggestionOutcome;

    public sealed record NotFound : SuggestionOutcome;
}

/// <summary>
/// Accepts and rejects suggestions. A decision is guarded like a tag: it is refused when the claim's revision is not
/// the one the editor's page was loaded at, and it is written to the audit history in the same transaction.
/// Only a suggestion waiting for an editor can be decided.
/// </summary>
public sealed class SuggestionReviewer(PolicyDbContext db, TimeProvider time, ILogger<SuggestionReviewer> logger)
{
    /// <summary>
    /// Decides from an editor's form, on whichever page it was posted: the form's own errors first, then that a choice
    /// was made, then the decision itself.
    /// </summary>
    public async Task<SuggestionOutcome> DecideFormAsync(
        IReadOnlyList<string> formErrors, long claimId, int revision, SuggestionDecision? choice, string? note, string actor, CancellationToken ct) =>
        formErrors.Count > 0 ? new SuggestionOutcome.Invalid(formErrors)
        : choice is not { } decision ? new SuggestionOutcome.Invalid(["Choose to accept or reject the suggestion."])
        : await DecideAsync(new SuggestionRequest(claimId, revision, decision, note), actor, ct);

    /// <summary>What the editor is told after a decision was saved.</summary>
    public static string Confirmation(long claimId, SuggestionState state) => state == SuggestionState.Accepted
        ? $"Accepted: claim {claimId} is now a claim and counts in contradictions."
        : $"Rejected: suggestion {claimId} is hidden from lists and will not be suggested again.";

    public async Task<SuggestionOutcome> DecideAsync(SuggestionRequest request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (!Enum.IsDefined(request.Decision))
        {
            return new SuggestionOutcome.Invalid(["Choose to accept or reject the suggestion."]);
        }

        if (note?.Length > ReviewLimits.NoteLength)
        {
            return new SuggestionOutcome.Invalid([$"The note is longer than {ReviewLimits.NoteLength} characters."]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var claim = await db.Claims.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.Id == request.ClaimId, ct);
            if (claim is null)
            {
                return new SuggestionOutcome.NotFound();
            }

            if (claim.Revision != request.Revision)
            {
                return new SuggestionOutcome.Stale(await CurrentAsync(claim, ct));
            }

            if (claim.Suggestion != SuggestionState.Pending)
            {
                return new SuggestionOutcome.Invalid([claim.Suggestion switch
                {
                    SuggestionState.Accepted => $"Claim {claim.Id} was accepted already.",
                    SuggestionState.Rejected => $"Suggestion {claim.Id} was rejected already.",
                    _ => $"Claim {claim.Id} is not a suggestion.",
                }]);
            }

            var to = request.Decision == SuggestionDecision.Accept ? SuggestionState.Accepted : SuggestionState.Rejected;
            claim.Suggestion = to;
            db.Entry(claim).Property(c => c.Revision).OriginalValue = request.Revision;
            claim.Revision = request.Revision + 1;
            db.AuditEntries.Add(new AuditEntry
            {
                At = time.GetUtcNow(),
                Actor = actor,
                Action = AuditAction.SuggestionDecided,
                ClaimId = claim.Id,
                Subject = claim.Subject,
                Topic = claim.Topic,
                Target = $"claim {claim.Id}",
                From = nameof(SuggestionState.Pending),
                To = to.ToString(),
                Note = note,
            });

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("{Actor} {Decision}ed suggestion {ClaimId}", actor, request.Decision.ToString().ToLowerInvariant(), claim.Id);
            return new SuggestionOutcome.Saved(to);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another editor's save landed between our read and our write.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await db.Claims.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.ClaimId, ct);
            return current is null ? new SuggestionOutcome.NotFound() : new SuggestionOutcome.Stale(await CurrentAsync(current, ct));
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The claim's suggestion state, with who decided it and when, from its last decision in the history.</summary>
    private async Task<StoredSuggestion> CurrentAsync(Claim claim, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ClaimId == claim.Id && a.Action == AuditAction.SuggestionDecided)
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.Actor, a.At })
            .FirstOrDefaultAsync(ct);
        return new StoredSuggestion(claim.Id, claim.Revision, claim.Suggestion, last?.Actor, last?.At);
    }
}
