using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Reviews;

/// <summary>A claim as the editor saw it: its id and the revision the form was loaded at.</summary>
public readonly record struct ClaimVersion(long Id, int Revision);

/// <summary>What backs a status: other stored claims, and/or a passage quoted from a named source.</summary>
public sealed record EvidenceInput(IReadOnlyList<long> ClaimIds, string? Passage, string? PassageSource)
{
    public static EvidenceInput None { get; } = new([], null, null);

    public bool IsEmpty => ClaimIds.Count == 0 && string.IsNullOrWhiteSpace(Passage);
}

public sealed record TagRequest(ClaimStatus Status, string? Note, EvidenceInput Evidence);

/// <summary>A claim's review as it is stored now; shown to an editor whose save came too late.</summary>
public sealed record ClaimReviewState(long ClaimId, int Revision, ClaimStatus Status, string? Note, string? ReviewedBy, DateTimeOffset? ReviewedAt);

public abstract record TagOutcome
{
    /// <summary>Saved; <paramref name="Changed"/> claims were different from what was asked and got a history entry.</summary>
    public sealed record Saved(int Changed) : TagOutcome;

    public sealed record Invalid(IReadOnlyList<string> Errors) : TagOutcome;

    /// <summary>Someone saved first; nothing was changed. <paramref name="Current"/> holds what they saved.</summary>
    public sealed record Stale(IReadOnlyList<ClaimReviewState> Current) : TagOutcome;

    public sealed record NotFound(IReadOnlyList<long> Ids) : TagOutcome;
}

/// <summary>
/// Sets claims' review status, note and evidence, for one claim or many at once. A request is all or nothing:
/// if any claim changed since the editor loaded it, none is saved, so no one's update is lost silently.
/// Every change is written to the audit history in the same transaction as the change itself.
/// </summary>
public sealed class ClaimTagger(PolicyDbContext db, TimeProvider time, ILogger<ClaimTagger> logger)
{
    /// <summary>The statuses an editor must back with evidence.</summary>
    public static bool NeedsEvidence(ClaimStatus status) => status is ClaimStatus.Verified or ClaimStatus.Contradicted;

    public async Task<TagOutcome> TagAsync(IReadOnlyList<ClaimVersion> targets, TagRequest request, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(actor);

        var errors = Check(targets, request);
        if (errors.Count > 0)
        {
            return new TagOutcome.Invalid(errors);
        }

        var evidenceClaims = await db.Claims.AsNoTracking()
            .Where(c => request.Evidence.ClaimIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Quote, c.Source!.FileName })
            .ToDictionaryAsync(c => c.Id, ct);
        var unknown = request.Evidence.ClaimIds.Where(id => !evidenceClaims.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            return new TagOutcome.Invalid([$"There is no claim {string.Join(", ", unknown)} to use as evidence."]);
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var evidence = request.Evidence.ClaimIds.Distinct()
            .Select(id => (ClaimId: (long?)id, evidenceClaims[id].Quote, SourceName: evidenceClaims[id].FileName))
            .ToList();
        if (!string.IsNullOrWhiteSpace(request.Evidence.Passage))
        {
            evidence.Add((null, request.Evidence.Passage.Trim(), request.Evidence.PassageSource!.Trim()));
        }

        var ids = targets.Select(t => t.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var claims = await db.Claims.Include(c => c.Evidence).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
            var missing = ids.Except(claims.Select(c => c.Id)).ToList();
            if (missing.Count > 0)
            {
                return new TagOutcome.NotFound(missing);
            }

            var expected = targets.ToDictionary(t => t.Id, t => t.Revision);
            var stale = claims.Where(c => c.Revision != expected[c.Id]).ToList();
            if (stale.Count > 0)
            {
                return new TagOutcome.Stale([.. stale.Select(State)]);
            }

            var now = time.GetUtcNow();
            var changed = 0;
            foreach (var claim in claims)
            {
                var sameEvidence = claim.Evidence.Select(e => (e.EvidenceClaimId, e.Quote, e.SourceName))
                    .SequenceEqual(evidence.Select(e => (e.ClaimId, e.Quote, e.SourceName)));
                // A claim whose quote a new version reworded is saved even unchanged: saving is the review again.
                var reworded = claim.PreviousQuote is not null;
                if (claim.Status == request.Status && claim.ReviewNote == note && sameEvidence && !reworded)
                {
                    continue;
                }

                var from = claim.Status;
                claim.Status = request.Status;
                claim.ReviewNote = note;
                claim.ReviewedBy = actor;
                claim.ReviewedAt = now;
                claim.PreviousQuote = null;
                db.Entry(claim).Property(c => c.Revision).OriginalValue = expected[claim.Id];
                claim.Revision = expected[claim.Id] + 1;
                db.ClaimEvidence.RemoveRange(claim.Evidence);
                claim.Evidence.Clear();
                claim.Evidence.AddRange(evidence.Select(e => new ClaimEvidence { EvidenceClaimId = e.ClaimId, Quote = e.Quote, SourceName = e.SourceName }));
                db.AuditEntries.Add(new AuditEntry
                {
                    At = now,
                    Actor = actor,
                    Action = AuditAction.ClaimStatusChanged,
                    ClaimId = claim.Id,
                    Subject = claim.Subject,
                    Topic = claim.Topic,
                    Target = reworded ? $"claim {claim.Id}, reviewed again on its new quote" : $"claim {claim.Id}",
                    From = from.ToString(),
                    To = request.Status.ToString(),
                    Note = note,
                    Evidence = AuditEvidence.Serialize(claim.Evidence),
                });
                changed++;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("{Actor} set {Changed} of {Count} claims to {Status}", actor, changed, claims.Count, request.Status);
            return new TagOutcome.Saved(changed);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another editor's save landed between our read and our write.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await db.Claims.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
            return new TagOutcome.Stale([.. current.Where(c => c.Revision != targets.First(t => t.Id == c.Id).Revision).Select(State)]);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static List<string> Check(IReadOnlyList<ClaimVersion> targets, TagRequest request)
    {
        var errors = new List<string>();
        if (targets.Count == 0)
        {
            errors.Add("Choose at least one claim.");
        }

        if (!Enum.IsDefined(request.Status))
        {
            errors.Add("Choose a status.");
        }

        if (request.Note?.Trim().Length > ReviewLimits.NoteLength)
        {
            errors.Add($"The note is longer than {ReviewLimits.NoteLength} characters.");
        }

        var evidence = request.Evidence;
        var hasPassage = !string.IsNullOrWhiteSpace(evidence.Passage);
        var hasPassageSource = !string.IsNullOrWhiteSpace(evidence.PassageSource);
        if (hasPassage && !hasPassageSource)
        {
            errors.Add("Say where the quoted passage is from: a title, a file name or an address.");
        }
        else if (hasPassageSource && !hasPassage)
        {
            errors.Add("A passage's source was given without the passage; quote it too.");
        }

        if (evidence.Passage?.Trim().Length > ReviewLimits.QuoteLength || evidence.PassageSource?.Trim().Length > ReviewLimits.SourceNameLength)
        {
            errors.Add($"The quoted passage may have up to {ReviewLimits.QuoteLength} characters and its source up to {ReviewLimits.SourceNameLength}.");
        }

        if (evidence.ClaimIds.Distinct().Count() + (hasPassage ? 1 : 0) > ReviewLimits.EvidenceCount)
        {
            errors.Add($"Give at most {ReviewLimits.EvidenceCount} pieces of evidence.");
        }

        var self = evidence.ClaimIds.Intersect(targets.Select(t => t.Id)).ToList();
        if (self.Count > 0)
        {
            errors.Add($"A claim cannot be evidence for itself (claim {string.Join(", ", self)}).");
        }

        if (NeedsEvidence(request.Status) && evidence.IsEmpty)
        {
            errors.Add($"{request.Status} needs evidence: another claim, or a quoted passage with its source.");
        }

        return errors;
    }

    private static ClaimReviewState State(Claim c) => new(c.Id, c.Revision, c.Status, c.ReviewNote, c.ReviewedBy, c.ReviewedAt);
}
