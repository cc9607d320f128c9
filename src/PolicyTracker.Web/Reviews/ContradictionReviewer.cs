using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Reviews;

public sealed record ContradictionReviewRequest(
    string Subject, string Topic, int Revision, ContradictionState State, DismissalReason? Reason, string? Note);

/// <summary>A contradiction's review as stored; <see cref="Open"/> for one nobody has reviewed.</summary>
public sealed record ContradictionReviewState(
    string Subject, string Topic, int Revision, ContradictionState State, DismissalReason? Reason, string? Note, string? ReviewedBy, DateTimeOffset? ReviewedAt)
{
    public static ContradictionReviewState Open(string subject, string topic) => new(subject, topic, 0, ContradictionState.Open, null, null, null, null);

    /// <summary>The state in words, with the reason of a dismissal.</summary>
    public string Describe() => ReviewWords.Describe(State, Reason);
}

public abstract record ReviewOutcome
{
    public sealed record Saved : ReviewOutcome;

    public sealed record Invalid(IReadOnlyList<string> Errors) : ReviewOutcome;

    public sealed record Stale(ContradictionReviewState Current) : ReviewOutcome;

    public sealed record NotFound : ReviewOutcome;
}

/// <summary>
/// Records editors' decisions on contradictions. A review belongs to the contradiction's subject and topic, not to
/// the claims in it, so it survives the claims being replaced when their sources are ingested again.
/// </summary>
public sealed class ContradictionReviewer(PolicyDbContext db, ContradictionQueries comparisons, TimeProvider time, ILogger<ContradictionReviewer> logger)
{
    public async Task<IReadOnlyDictionary<(string Subject, string Topic), ContradictionReviewState>> LoadAllAsync(CancellationToken ct)
    {
        var rows = await db.ContradictionReviews.AsNoTracking().ToListAsync(ct);
        return rows.ToDictionary(r => (r.Subject, r.Topic), State);
    }

    public async Task<ContradictionReviewState> LoadAsync(string subject, string topic, CancellationToken ct)
    {
        var row = await db.ContradictionReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Subject == subject && r.Topic == topic, ct);
        return row is null ? ContradictionReviewState.Open(subject, topic) : State(row);
    }

    public async Task<ReviewOutcome> ReviewAsync(ContradictionReviewRequest request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(actor);

        var errors = Check(request);
        if (errors.Count > 0)
        {
            return new ReviewOutcome.Invalid(errors);
        }

        var comparison = await comparisons.CompareAsync(ct);
        if (!comparison.IsDisputed(request.Subject, request.Topic))
        {
            return new ReviewOutcome.NotFound();
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var reason = request.State == ContradictionState.Dismissed ? request.Reason : null;
        try
        {
            var row = await db.ContradictionReviews.SingleOrDefaultAsync(r => r.Subject == request.Subject && r.Topic == request.Topic, ct);
            if ((row?.Revision ?? 0) != request.Revision)
            {
                return new ReviewOutcome.Stale(row is null ? ContradictionReviewState.Open(request.Subject, request.Topic) : State(row));
            }

            var from = row is null ? ReviewWords.Describe(ContradictionState.Open, null) : ReviewWords.Describe(row.State, row.Reason);
            if (row is null)
            {
                row = new ContradictionReview { Subject = request.Subject, Topic = request.Topic };
                db.ContradictionReviews.Add(row);
            }
            else if (row.State == request.State && row.Reason == reason && row.Note == note)
            {
                return new ReviewOutcome.Saved();
            }
            else
            {
                db.Entry(row).Property(r => r.Revision).OriginalValue = request.Revision;
            }

            var now = time.GetUtcNow();
            row.State = request.State;
            row.Reason = reason;
            row.Note = note;
            row.ReviewedBy = actor;
            row.ReviewedAt = now;
            row.Revision = request.Revision + 1;
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                Actor = actor,
                Action = AuditAction.ContradictionReviewed,
                Subject = request.Subject,
                Topic = request.Topic,
                Target = $"contradiction {request.Subject} {request.Topic}",
                From = from,
                To = ReviewWords.Describe(request.State, reason),
                Note = note,
            });
            await db.SaveChangesAsync(ct);
            logger.LogInformation("{Actor} marked contradiction {Subject} {Topic} {State}", actor, request.Subject, request.Topic, request.State);
            return new ReviewOutcome.Saved();
        }
        catch (DbUpdateException)
        {
            // A concurrent save changed the row, or inserted the first review (the unique index refused ours).
            db.ChangeTracker.Clear();
            return new ReviewOutcome.Stale(await LoadAsync(request.Subject, request.Topic, ct));
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static List<string> Check(ContradictionReviewRequest request)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(request.State))
        {
            errors.Add("Choose a review state.");
        }

        if (request.State == ContradictionState.Dismissed && request.Reason is not { } reason)
        {
            errors.Add("Say why the contradiction is dismissed: different scope, different time, or misread by the extractor.");
        }
        else if (request.Reason is { } given && !Enum.IsDefined(given))
        {
            errors.Add("Choose one of the listed reasons.");
        }

        if (request.Note?.Trim().Length > ReviewLimits.NoteLength)
        {
            errors.Add($"The note is longer than {ReviewLimits.NoteLength} characters.");
        }

        return errors;
    }

    private static ContradictionReviewState State(ContradictionReview r) =>
        new(r.Subject, r.Topic, r.Revision, r.State, r.Reason, r.Note, r.ReviewedBy, r.ReviewedAt);
}
