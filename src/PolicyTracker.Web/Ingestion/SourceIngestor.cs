using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// The one place a file becomes a source with its claims. Reading and extraction happen before the
/// database is touched, and each change is one transaction, so a refused or failed ingest leaves the
/// database exactly as it was.
/// </summary>
public sealed class SourceIngestor(
    PolicyDbContext db,
    ClaimExtractor extractor,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<SourceIngestor> logger)
{
    public async Task<IngestOutcome> IngestAsync(string fileName, byte[] bytes, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(bytes);
        var name = Path.GetFileName(fileName);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));

        // Same bytes again is the common re-run case: answer it without reading or extracting.
        var stored = await db.Sources.AsNoTracking()
            .Where(s => s.FileName == name)
            .Select(s => new { s.Id, s.Sha256, s.Version })
            .SingleOrDefaultAsync(ct);
        if (stored is not null && stored.Sha256 == sha256)
        {
            return Unchanged(name, stored.Id, stored.Version);
        }

        var limit = options.Value.MaxFileBytes;
        if (bytes.LongLength > limit)
        {
            return Reject(name, $"file too big: {bytes.LongLength} bytes, the limit is {limit}");
        }

        ExtractedDocument document;
        IReadOnlyList<ExtractedClaim> claims;
        var timeout = TimeSpan.FromSeconds(options.Value.ReadTimeoutSeconds);
        using (var budget = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            budget.CancelAfter(timeout);
            try
            {
                document = SourceReader.Read(name, bytes, limit, budget.Token);
                claims = extractor.Extract(document);
            }
            catch (SourceRejectedException ex)
            {
                return Reject(name, ex.Message);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return Reject(name, string.Create(
                    CultureInfo.InvariantCulture,
                    $"reading took longer than {timeout.TotalSeconds:0.###} s (Ingest:ReadTimeoutSeconds): the markup is too complex to read"));
            }
        }

        var wrong = claims.FirstOrDefault(c => !IsExactSlice(document.Text, c));
        if (wrong is not null)
        {
            // A quote that is not the text at its span is an extractor bug; storing it would mislead a reviewer.
            return Reject(name, $"extracted claim {wrong.Topic} at [{wrong.Span.Start}, {wrong.Span.End}) does not quote the text exactly");
        }

        var accepted = new Accepted(name, sha256, bytes.LongLength, document, claims);
        try
        {
            return await SaveAsync(accepted, ct);
        }
        catch (DbUpdateException ex) when (DatabaseProviders.IsUniqueViolation(ex))
        {
            // Another ingest stored the same file name between our read and our insert: re-read and apply once more.
            logger.LogWarning("Ingest of {Source} raced with another; retrying against the stored source", name);
            db.ChangeTracker.Clear();
            return await SaveAsync(accepted, ct);
        }
    }

    private async Task<IngestOutcome> SaveAsync(Accepted accepted, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var source = await db.Sources.SingleOrDefaultAsync(s => s.FileName == accepted.FileName, ct);
            if (source is not null && source.Sha256 == accepted.Sha256)
            {
                return Unchanged(accepted.FileName, source.Id, source.Version);
            }

            var now = time.GetUtcNow();
            var isNew = source is null;
            if (source is null)
            {
                source = new Source
                {
                    FileName = accepted.FileName,
                    Sha256 = accepted.Sha256,
                    Text = accepted.Document.Text,
                    Kind = SourceKindGuesser.Guess(accepted.FileName, accepted.Document),
                    Version = 1,
                    IngestedAt = now,
                };
                db.Sources.Add(source);
            }
            else
            {
                await CarryOverReviewsAsync(source, accepted.Claims, now, ct);
                source.Sha256 = accepted.Sha256;
                source.Text = accepted.Document.Text;
                source.Version++;

                // Kind is left alone: a person may have corrected the guess.
            }

            source.Title = accepted.Document.Title;
            source.Format = accepted.Document.Format;
            source.ByteCount = accepted.ByteCount;
            source.UpdatedAt = now;
            if (isNew)
            {
                source.Claims.AddRange(accepted.Claims.Select(NewClaim));
            }

            source.Versions.Add(new SourceVersion
            {
                Version = source.Version,
                Sha256 = accepted.Sha256,
                ByteCount = accepted.ByteCount,
                ClaimCount = accepted.Claims.Count,
                IngestedAt = now,
            });

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);

            logger.LogInformation(
                "Ingested {Source} version {Version}: {ClaimCount} claims",
                source.FileName, source.Version, accepted.Claims.Count);
            return isNew
                ? new IngestOutcome.Added(source.FileName, source.Id, accepted.Claims.Count)
                : new IngestOutcome.Replaced(source.FileName, source.Id, source.Version, accepted.Claims.Count);
        }
        finally
        {
            // Whatever happened, nothing tracked may leak into the next file's save.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Replaces a source's claims with newly extracted ones while keeping editors' work: a new claim with the same
    /// topic and quote as a stored one takes that stored row's place (its id, status, note, evidence and history),
    /// preferring the stored claim that also has the same subject, scope and value. Stored claims nothing matched
    /// are deleted; a reviewed one leaves an entry in the audit history with its last status and note.
    /// </summary>
    private async Task CarryOverReviewsAsync(Source source, IReadOnlyList<ExtractedClaim> extracted, DateTimeOffset now, CancellationToken ct)
    {
        var stored = await db.Claims.Include(c => c.Evidence).Where(c => c.SourceId == source.Id).OrderBy(c => c.Id).ToListAsync(ct);
        var unmatched = stored.ToLookup(c => (c.Topic, c.Quote)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var claim in extracted)
        {
            var candidates = unmatched.GetValueOrDefault((claim.Topic, claim.Quote));
            var match = candidates?.FirstOrDefault(c => c.Subject == claim.Subject && c.Scope == claim.Scope && c.Value == claim.Value)
                ?? candidates?.FirstOrDefault(c => c.Scope == claim.Scope)
                ?? candidates?.FirstOrDefault();
            if (match is null)
            {
                source.Claims.Add(NewClaim(claim));
                continue;
            }

            candidates!.Remove(match);
            match.Subject = claim.Subject;
            match.Scope = claim.Scope;
            match.Value = claim.Value;
            match.Start = claim.Span.Start;
            match.End = claim.Span.End;
        }

        foreach (var gone in unmatched.Values.SelectMany(c => c))
        {
            db.Claims.Remove(gone);
            if (gone.Status != ClaimStatus.Unreviewed || gone.ReviewNote is not null)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    At = now,
                    Actor = AuditActors.Ingest,
                    Action = AuditAction.ClaimRemovedByIngest,
                    ClaimId = gone.Id,
                    Subject = gone.Subject,
                    Topic = gone.Topic,
                    Target = $"claim {gone.Id} in {source.FileName}: \"{Shorten(gone.Quote)}\"",
                    From = gone.Status.ToString(),
                    Note = gone.ReviewNote,
                    Evidence = AuditEvidence.Serialize(gone.Evidence),
                });
            }
        }
    }

    private static Claim NewClaim(ExtractedClaim c) => new()
    {
        Subject = c.Subject,
        Topic = c.Topic,
        Scope = c.Scope,
        Value = c.Value,
        Quote = c.Quote,
        Start = c.Span.Start,
        End = c.Span.End,
    };

    private static string Shorten(string quote) => quote.Length <= 100 ? quote : quote[..99] + "…";

    private static bool IsExactSlice(string text, ExtractedClaim claim) =>
        claim.Span.Start >= 0
        && claim.Span.Start <= claim.Span.End
        && claim.Span.End <= text.Length
        && text.AsSpan(claim.Span.Start, claim.Span.Length).SequenceEqual(claim.Quote);

    private IngestOutcome.Unchanged Unchanged(string name, long id, int version)
    {
        logger.LogInformation("Skipped {Source}: same bytes as version {Version}", name, version);
        return new IngestOutcome.Unchanged(name, id, version);
    }

    private IngestOutcome.Rejected Reject(string name, string reason)
    {
        logger.LogWarning("Refused {Source}: {Reason}", name, reason);
        return new IngestOutcome.Rejected(name, reason);
    }

    private sealed record Accepted(
        string FileName, string Sha256, long ByteCount, ExtractedDocument Document, IReadOnlyList<ExtractedClaim> Claims);
}
