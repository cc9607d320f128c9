using System.Diagnostics;
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
    IOptions<ExtractionOptions> extraction,
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

        var started = Stopwatch.GetTimestamp();
        ExtractedDocument document;
        IReadOnlyList<ExtractedClaim> claims;
        TimeSpan readTime;
        var timeout = TimeSpan.FromSeconds(options.Value.ReadTimeoutSeconds);
        using (var budget = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            budget.CancelAfter(timeout);
            try
            {
                document = SourceReader.Read(name, bytes, limit, budget.Token);
                readTime = Stopwatch.GetElapsedTime(started);
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

        var accepted = new Accepted(name, sha256, bytes.LongLength, document, claims, readTime, Stopwatch.GetElapsedTime(started) - readTime);
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
        var started = Stopwatch.GetTimestamp();
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
            var rows = new ClaimRows(db);
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
                await CarryOverReviewsAsync(rows, source, accepted.Claims, now, ct);
                source.Sha256 = accepted.Sha256;
                source.Text = accepted.Document.Text;
                source.Version++;

                // Kind is left alone: a person may have corrected the guess.
            }

            source.Title = accepted.Document.Title;
            source.Format = accepted.Document.Format;
            source.ByteCount = accepted.ByteCount;
            source.UpdatedAt = now;
            source.Versions.Add(new SourceVersion
            {
                Version = source.Version,
                Sha256 = accepted.Sha256,
                ByteCount = accepted.ByteCount,
                ClaimCount = accepted.Claims.Count,
                IngestedAt = now,
            });

            // The source row first (a new one gets its id here), then its claims in bulk, in the same transaction.
            await db.SaveChangesAsync(ct);
            if (isNew)
            {
                await rows.InsertAsync(source.Id, accepted.Claims, SuggestionOf, ct);
            }

            await transaction.CommitAsync(ct);

            logger.LogInformation(
                "Ingested {Source} version {Version}: {ClaimCount} claims, {SuggestionCount} of them below the threshold of {Threshold} (read {ReadSeconds:0.00} s, extract {ExtractSeconds:0.00} s, store {StoreSeconds:0.00} s)",
                source.FileName, source.Version, accepted.Claims.Count, accepted.Claims.Count(IsSuggestion), Threshold,
                accepted.ReadTime.TotalSeconds, accepted.ExtractTime.TotalSeconds, Stopwatch.GetElapsedTime(started).TotalSeconds);
            var suggestionCount = accepted.Claims.Count(IsSuggestion);
            return isNew
                ? new IngestOutcome.Added(source.FileName, source.Id, accepted.Claims.Count, suggestionCount)
                : new IngestOutcome.Replaced(source.FileName, source.Id, source.Version, accepted.Claims.Count, suggestionCount);
        }
        finally
        {
            // Whatever happened, nothing tracked may leak into the next file's save.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Replaces a source's claims with newly extracted ones while keeping editors' work: a new claim with the same
    /// topic and quote as a stored one takes that stored row's place (its id, status, note, evidence, history and an
    /// editor's acceptance or rejection of it as a suggestion), preferring the stored claim that also has the same
    /// subject, scope and value. Stored claims nothing matched are deleted; a reviewed one leaves an entry in the
    /// audit history with its last status and note.
    /// </summary>
    /// <remarks>
    /// The stored claims are read once, untracked, and matched in memory; only the rows that change are written,
    /// in bulk (<see cref="ClaimRows"/>). The audit entries and the source row are saved by the caller.
    /// </remarks>
    private async Task CarryOverReviewsAsync(
        ClaimRows rows, Source source, IReadOnlyList<ExtractedClaim> extracted, DateTimeOffset now, CancellationToken ct)
    {
        // Quotes are not read back: each is the stored text at its span, so the text already loaded keys them. The
        // few distinct subjects, topics, scopes and values are shared rather than held once per claim.
        var text = source.Text;
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Pooled(string value) => pool.TryGetValue(value, out var shared) ? shared : pool[value] = value;
        var unmatched = new Dictionary<QuoteKey, List<StoredClaim>>(QuoteKey.Comparer);
        // Suggestions too, so a rejected one is matched again rather than suggested anew.
        var storedRows = db.Claims.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.SourceId == source.Id)
            .OrderBy(c => c.Id)
            .Select(c => new StoredClaim(
                c.Id, c.Topic, c.Subject, c.Scope, c.Value, c.Start, c.End, c.Status, c.ReviewNote, c.Revision,
                c.Confidence, c.Cues, c.Suggestion, c.ReviewedBy))
            .AsAsyncEnumerable();
        await foreach (var row in storedRows.WithCancellation(ct))
        {
            var claim = row with { Topic = Pooled(row.Topic), Subject = Pooled(row.Subject), Scope = Pooled(row.Scope), Value = Pooled(row.Value) };
            var key = new QuoteKey(claim.Topic, text.AsMemory(claim.Start, claim.End - claim.Start));
            (unmatched.TryGetValue(key, out var list) ? list : unmatched[key] = []).Add(claim);
        }

        var added = new List<ExtractedClaim>();
        var updates = new List<ClaimUpdate>();
        foreach (var claim in extracted)
        {
            var candidates = unmatched.GetValueOrDefault(new QuoteKey(claim.Topic, claim.Quote.AsMemory()));
            var match = candidates?.FirstOrDefault(c => c.Subject == claim.Subject && c.Scope == claim.Scope && c.Value == claim.Value)
                ?? candidates?.FirstOrDefault(c => c.Scope == claim.Scope)
                ?? candidates?.FirstOrDefault();
            if (match is null)
            {
                added.Add(claim);
                continue;
            }

            candidates!.Remove(match);
            var cues = StoredCue.Serialize(claim.Cues);
            var suggestion = SuggestionAfterReingest(match, claim);
            if (match.Subject != claim.Subject || match.Scope != claim.Scope || match.Value != claim.Value
                || match.Start != claim.Span.Start || match.End != claim.Span.End
                || match.Confidence != claim.Confidence || match.Cues != cues || match.Suggestion != suggestion)
            {
                updates.Add(new ClaimUpdate(
                    match.Id, match.Revision, claim.Subject, claim.Scope, claim.Value, claim.Span.Start, claim.Span.End, claim.Confidence, cues, suggestion));
            }
        }

        var gone = unmatched.Values.SelectMany(c => c).ToList();
        var reviewed = gone.Where(c => c.Status != ClaimStatus.Unreviewed || c.ReviewNote is not null).ToList();
        var evidence = new Dictionary<long, List<ClaimEvidence>>();
        foreach (var chunk in reviewed.Select(c => c.Id).Chunk(1000))
        {
            var loaded = await db.ClaimEvidence.AsNoTracking().Where(e => chunk.Contains(e.ClaimId)).OrderBy(e => e.Id).ToListAsync(ct);
            foreach (var item in loaded)
            {
                (evidence.TryGetValue(item.ClaimId, out var list) ? list : evidence[item.ClaimId] = []).Add(item);
            }
        }

        foreach (var claim in reviewed)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                Actor = AuditActors.Ingest,
                Action = AuditAction.ClaimRemovedByIngest,
                ClaimId = claim.Id,
                Subject = claim.Subject,
                Topic = claim.Topic,
                Target = $"claim {claim.Id} in {source.FileName}: \"{Shorten(text[claim.Start..claim.End])}\"",
                From = claim.Status.ToString(),
                Note = claim.ReviewNote,
                Evidence = AuditEvidence.Serialize(evidence.GetValueOrDefault(claim.Id) ?? []),
            });
        }

        await rows.DeleteAsync([.. gone.Select(c => c.Id)], ct);
        await rows.UpdateAsync(updates, ct);
        await rows.InsertAsync(source.Id, added, SuggestionOf, ct);
    }

    private double Threshold => extraction.Value.SuggestionThreshold;

    private bool IsSuggestion(ExtractedClaim claim) => claim.IsSuggestion(Threshold);

    private SuggestionState SuggestionOf(ExtractedClaim claim) => IsSuggestion(claim) ? SuggestionState.Pending : SuggestionState.None;

    /// <summary>
    /// An editor's decision stays: an accepted claim stays a claim and a rejected one stays rejected, whatever the
    /// confidence now. So does a claim an editor has reviewed, which they treated as a claim. Otherwise the new
    /// confidence decides, as for a new claim.
    /// </summary>
    private SuggestionState SuggestionAfterReingest(StoredClaim stored, ExtractedClaim extracted) => stored.Suggestion switch
    {
        SuggestionState.Accepted or SuggestionState.Rejected => stored.Suggestion,
        SuggestionState.None when stored.ReviewedBy is not null => SuggestionState.None,
        _ => SuggestionOf(extracted),
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

    private sealed record StoredClaim(
        long Id, string Topic, string Subject, string Scope, string Value, int Start, int End,
        ClaimStatus Status, string? ReviewNote, int Revision, double Confidence, string? Cues, SuggestionState Suggestion, string? ReviewedBy);

    /// <summary>A claim's topic and quote, the quote a slice of a text or a whole string alike.</summary>
    private readonly record struct QuoteKey(string Topic, ReadOnlyMemory<char> Quote)
    {
        public static readonly IEqualityComparer<QuoteKey> Comparer = new QuoteKeyComparer();

        private sealed class QuoteKeyComparer : IEqualityComparer<QuoteKey>
        {
            public bool Equals(QuoteKey x, QuoteKey y) =>
                string.Equals(x.Topic, y.Topic, StringComparison.Ordinal) && x.Quote.Span.SequenceEqual(y.Quote.Span);

            public int GetHashCode(QuoteKey obj) =>
                HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Topic), string.GetHashCode(obj.Quote.Span, StringComparison.Ordinal));
        }
    }

    private sealed record Accepted(
        string FileName, string Sha256, long ByteCount, ExtractedDocument Document, IReadOnlyList<ExtractedClaim> Claims,
        TimeSpan ReadTime, TimeSpan ExtractTime);
}
