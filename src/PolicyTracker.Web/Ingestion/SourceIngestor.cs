using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Text;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Operations;
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
    SourceHistory history,
    TimeProvider time,
    AppMetrics metrics,
    ILogger<SourceIngestor> logger)
{
    /// <summary>Ingests a file as a version of the source its file name names, observed now.</summary>
    public Task<IngestOutcome> IngestAsync(string fileName, byte[] bytes, CancellationToken ct) =>
        IngestAsync(fileName, bytes, IngestAs.FileName, ct);

    /// <summary>Ingests a file as a version of the source <paramref name="target"/> names, observed when it says.</summary>
    public Task<IngestOutcome> IngestAsync(string fileName, byte[] bytes, IngestAs target, CancellationToken ct) =>
        metrics.MeasureIngestAsync(() => IngestUnmeasuredAsync(fileName, bytes, target, ct));

    private async Task<IngestOutcome> IngestUnmeasuredAsync(string fileName, byte[] bytes, IngestAs target, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(target);
        var file = Path.GetFileName(fileName);
        if (IngestAs.CheckSource(target.Source) is { } badName)
        {
            return Reject(file, badName);
        }

        var name = target.Source ?? file;
        // A version without a date is observed when it is stored, not when its reading began: two ingests racing then
        // take their places in the order they commit.
        DateTimeOffset? observed = target.Observed is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));

        // Same bytes again is the common re-run case: answer it without reading or extracting.
        var stored = await db.Sources.AsNoTracking().Where(s => s.FileName == name).Select(s => (long?)s.Id).SingleOrDefaultAsync(ct);
        if (stored is { } storedId && SameAsNeighbour(await VersionsAsync(storedId, ct), observed ?? time.GetUtcNow(), sha256) is { } same)
        {
            return Unchanged(name, storedId, same.Version);
        }

        var limit = options.Value.MaxFileBytes;
        if (bytes.LongLength > limit)
        {
            return Reject(name, IngestOutcome.Rejected.TooBig(bytes.LongLength, limit));
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
                // The file's own name tells its format, whatever source it is a version of.
                document = SourceReader.Read(file, bytes, limit, budget.Token);
                readTime = Stopwatch.GetElapsedTime(started);

                // The token is cancelled by a timer, which a busy thread pool can run late: the clock decides as well.
                if (readTime > timeout)
                {
                    return Reject(name, TooSlow(timeout));
                }
                claims = extractor.Extract(document);
            }
            catch (SourceRejectedException ex)
            {
                return Reject(name, ex.Message);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return Reject(name, TooSlow(timeout));
            }
        }

        var wrong = claims.FirstOrDefault(c => !IsExactSlice(document.Text, c));
        if (wrong is not null)
        {
            // A quote that is not the text at its span is an extractor bug; storing it would mislead a reviewer.
            return Reject(name, $"extracted claim {wrong.Topic} at [{wrong.Span.Start}, {wrong.Span.End}) does not quote the text exactly");
        }

        var accepted = new Accepted(
            name, file, target.By, observed, sha256, bytes.LongLength, document, claims, StatedDateReader.Read(document.Text), readTime,
            Stopwatch.GetElapsedTime(started) - readTime);
        try
        {
            return await SaveAsync(accepted, ct);
        }
        catch (DbUpdateException ex) when (DatabaseProviders.IsUniqueViolation(ex))
        {
            // Another ingest stored the same source or version between our read and our insert: re-read and apply once more.
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
            var source = await db.Sources.SingleOrDefaultAsync(s => s.FileName == accepted.Name, ct);
            var now = time.GetUtcNow();
            var rows = new ClaimRows(db);
            accepted = accepted with { Observed = accepted.Observed ?? now };
            IngestOutcome outcome;
            if (source is null)
            {
                source = new Source
                {
                    FileName = accepted.Name,
                    Sha256 = accepted.Sha256,
                    Text = accepted.Document.Text,
                    Kind = SourceKindGuesser.Guess(accepted.FileName, accepted.Document),
                    Version = 1,
                    IngestedAt = now,
                };
                MakeCurrent(source, accepted, now);
                source.Versions.Add(NewVersionRow(accepted, 1, now));
                db.Sources.Add(source);

                // The source row first (a new one gets its id here), then its claims in bulk, in the same transaction.
                await db.SaveChangesAsync(ct);
                await rows.InsertAsync(source.Id, accepted.Claims, SuggestionOf, ct);
                outcome = new IngestOutcome.Added(source.FileName, source.Id, accepted.Claims.Count, accepted.Claims.Count(IsSuggestion));
            }
            else
            {
                var versions = await VersionsAsync(source.Id, ct);
                if (SameAsNeighbour(versions, accepted.Observed.Value, accepted.Sha256) is { } same)
                {
                    return Unchanged(accepted.Name, source.Id, same.Version);
                }

                // The new version goes after every version observed at or before it; later ones move up one place.
                var place = versions.Count(v => v.ObservedAt <= accepted.Observed);
                var number = place + 1;
                await RenumberAsync(source.Id, versions.Skip(place).ToList(), ct);
                if (number > versions.Count)
                {
                    await KeepCurrentClaimsAsync(source, versions[^1], ct);
                    await CarryOverReviewsAsync(rows, source, accepted, now, ct);
                    source.Sha256 = accepted.Sha256;
                    source.Text = accepted.Document.Text;
                    MakeCurrent(source, accepted, now);

                    // Kind is left alone: a person may have corrected the guess.
                }

                source.Version = versions.Count + 1;
                var row = NewVersionRow(accepted, number, now);
                row.SourceId = source.Id;
                db.SourceVersions.Add(row);
                await db.SaveChangesAsync(ct);
                var changes = await history.RebuildAsync(source.Id, source.FileName, ct);
                outcome = new IngestOutcome.NewVersion(
                    source.FileName, source.Id, number, versions.Count + 1, accepted.Claims.Count, accepted.Claims.Count(IsSuggestion),
                    changes.Count(c => c.ToVersion == number || c.ToVersion == number + 1));
            }

            await RecordUploadAsync(accepted, source, outcome, now, ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation(
                "Ingested {Source} version {Version}: {ClaimCount} claims, {SuggestionCount} of them below the threshold of {Threshold} (read {ReadSeconds:0.00} s, extract {ExtractSeconds:0.00} s, store {StoreSeconds:0.00} s)",
                source.FileName, source.Version, accepted.Claims.Count, accepted.Claims.Count(IsSuggestion), Threshold,
                accepted.ReadTime.TotalSeconds, accepted.ExtractTime.TotalSeconds, Stopwatch.GetElapsedTime(started).TotalSeconds);
            return outcome;
        }
        finally
        {
            // Whatever happened, nothing tracked may leak into the next file's save.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// An uploaded version's entry in the audit history, in the ingest's transaction: the version and its entry are
    /// stored together or not at all.
    /// </summary>
    private async Task RecordUploadAsync(Accepted accepted, Source source, IngestOutcome outcome, DateTimeOffset now, CancellationToken ct)
    {
        if (accepted.By is not { } by)
        {
            return;
        }

        var version = outcome is IngestOutcome.NewVersion added ? added.Version : 1;
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            Actor = by,
            Action = AuditAction.SourceUploaded,
            Target = $"source {source.FileName}",
            To = $"version {version}",
            Note = accepted.FileName == source.FileName ? null : $"from the file {accepted.FileName}",
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The source row's copy of its current version's metadata.</summary>
    private static void MakeCurrent(Source source, Accepted accepted, DateTimeOffset now)
    {
        source.Title = accepted.Document.Title;
        source.Format = accepted.Document.Format;
        source.ByteCount = accepted.ByteCount;
        source.UpdatedAt = now;
    }

    private SourceVersion NewVersionRow(Accepted accepted, int number, DateTimeOffset now) => new()
    {
        Version = number,
        Sha256 = accepted.Sha256,
        ByteCount = accepted.ByteCount,
        ClaimCount = accepted.Claims.Count,
        IngestedAt = now,
        ObservedAt = accepted.Observed ?? now,
        StatedDate = accepted.StatedDate,
        FileName = accepted.FileName,
        Title = accepted.Document.Title,
        Format = accepted.Document.Format,
        Text = accepted.Document.Text,
        Claims = VersionClaims.Serialize(accepted.Claims.Select(c => new VersionClaims.Row(
            c.Subject, c.Topic, c.Scope, c.Value, c.Span.Start, c.Span.End, IsSuggestion(c)))),
    };

    /// <summary>A source's versions in date order (then arrival), without their text.</summary>
    private async Task<List<VersionKey>> VersionsAsync(long sourceId, CancellationToken ct) =>
        [.. (await db.SourceVersions.AsNoTracking()
                .Where(v => v.SourceId == sourceId)
                .Select(v => new VersionKey(v.Id, v.Version, v.ObservedAt, v.Sha256))
                .ToListAsync(ct))
            .OrderBy(v => v.Version)];

    /// <summary>
    /// The version a new one with these bytes would sit next to, when it has the same bytes: then nothing changed and
    /// nothing is stored. The same bytes as a version further away are a real return to older wording, and are kept.
    /// </summary>
    private static VersionKey? SameAsNeighbour(List<VersionKey> versions, DateTimeOffset observed, string sha256)
    {
        var place = versions.Count(v => v.ObservedAt <= observed);
        VersionKey? before = place > 0 ? versions[place - 1] : null;
        VersionKey? after = place < versions.Count ? versions[place] : null;
        return before?.Sha256 == sha256 ? before : after?.Sha256 == sha256 ? after : null;
    }

    /// <summary>
    /// Moves the versions after the new one's place up by one. Through negative numbers, as each database checks the
    /// unique (source, version) index row by row and a plain "+ 1" would collide with the next row on the way.
    /// </summary>
    private async Task RenumberAsync(long sourceId, List<VersionKey> later, CancellationToken ct)
    {
        if (later.Count == 0)
        {
            return;
        }

        var ids = later.Select(v => v.Id).ToList();
        await db.SourceVersions.Where(v => v.SourceId == sourceId && ids.Contains(v.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Version, v => -v.Version - 1), ct);
        await db.SourceVersions.Where(v => v.SourceId == sourceId && ids.Contains(v.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Version, v => -v.Version), ct);
    }

    /// <summary>
    /// A version stored before versions kept their claims gets the claims stored for it now, before a newer version
    /// replaces them: the change between the two can then be told.
    /// </summary>
    private async Task KeepCurrentClaimsAsync(Source source, VersionKey current, CancellationToken ct)
    {
        var kept = await db.SourceVersions.AsNoTracking().Where(v => v.Id == current.Id).Select(v => v.Claims != null).SingleAsync(ct);
        if (kept)
        {
            return;
        }

        var claims = await db.Claims.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.SourceId == source.Id && c.Suggestion != SuggestionState.Rejected)
            .OrderBy(c => c.Start)
            .Select(c => new VersionClaims.Row(c.Subject, c.Topic, c.Scope, c.Value, c.Start, c.End, c.Suggestion == SuggestionState.Pending))
            .ToListAsync(ct);
        var json = VersionClaims.Serialize(claims);
        var text = source.Text;
        await db.SourceVersions.Where(v => v.Id == current.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.Claims, json).SetProperty(v => v.Text, text), ct);
    }

    /// <summary>
    /// Replaces a source's claims with those of its new current version while keeping editors' work. A new claim with
    /// the same topic and quote as a stored one takes that stored row's place (its id, status, note, evidence, history
    /// and an editor's acceptance or rejection of it as a suggestion), preferring the stored claim that also has the
    /// same subject, scope and value. A stored claim an editor worked on whose quote is no longer there is anchored in
    /// the new text by its words, context and place (<see cref="QuoteAnchor"/>): when the statement was only reworded,
    /// the new claim on it keeps the work and is flagged to be reviewed again (<see cref="Claim.PreviousQuote"/>).
    /// Stored claims nothing matched are deleted; a reviewed one leaves an entry in the audit history with its last
    /// status and note.
    /// </summary>
    /// <remarks>
    /// The stored claims are read once, untracked, and matched in memory; only the rows that change are written,
    /// in bulk (<see cref="ClaimRows"/>). The audit entries and the source row are saved by the caller.
    /// </remarks>
    private async Task CarryOverReviewsAsync(ClaimRows rows, Source source, Accepted accepted, DateTimeOffset now, CancellationToken ct)
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
                c.Confidence, c.Cues, c.Suggestion, c.ReviewedBy, c.PreviousQuote))
            .AsAsyncEnumerable();
        await foreach (var row in storedRows.WithCancellation(ct))
        {
            var claim = row with { Topic = Pooled(row.Topic), Subject = Pooled(row.Subject), Scope = Pooled(row.Scope), Value = Pooled(row.Value) };
            var key = new QuoteKey(claim.Topic, text.AsMemory(claim.Start, claim.End - claim.Start));
            (unmatched.TryGetValue(key, out var list) ? list : unmatched[key] = []).Add(claim);
        }

        var added = new List<ExtractedClaim>();
        var updates = new List<ClaimUpdate>();
        foreach (var claim in accepted.Claims)
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
            AddUpdate(updates, match, claim, match.PreviousQuote);
        }

        // Reviewed claims whose words are gone: follow each to the reworded statement in the new text, if there is one.
        var anchors = new Lazy<QuoteAnchor>(() => new QuoteAnchor(text, accepted.Document.Text));
        foreach (var stored in unmatched.Values.SelectMany(c => c).Where(c => c.HasEditorialWork).ToList())
        {
            var result = anchors.Value.Anchor(new TextSpan(stored.Start, stored.End));
            if (result.Span is not { } anchor)
            {
                continue;
            }

            var target = added
                .Where(c => c.Topic == stored.Topic && c.Span.Start < anchor.End && anchor.Start < c.Span.End)
                .OrderByDescending(c => c.Subject == stored.Subject && c.Scope == stored.Scope)
                .ThenBy(c => Math.Abs(c.Span.Start - anchor.Start))
                .FirstOrDefault();
            if (target is null)
            {
                continue;
            }

            added.Remove(target);
            unmatched[new QuoteKey(stored.Topic, text.AsMemory(stored.Start, stored.End - stored.Start))].Remove(stored);

            // The oldest words an editor reviewed stay the ones to compare with, however many versions reword them.
            var previous = result.Kind == AnchorKind.Changed ? stored.PreviousQuote ?? text[stored.Start..stored.End] : stored.PreviousQuote;
            AddUpdate(updates, stored, target, previous);
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

    /// <summary>Writes the new version's claim over the stored row it matched, when anything about it differs.</summary>
    private void AddUpdate(List<ClaimUpdate> updates, StoredClaim match, ExtractedClaim claim, string? previousQuote)
    {
        var cues = StoredCue.Serialize(claim.Cues);
        var suggestion = SuggestionAfterReingest(match, claim);
        if (match.Subject != claim.Subject || match.Scope != claim.Scope || match.Value != claim.Value
            || match.Start != claim.Span.Start || match.End != claim.Span.End
            || match.Confidence != claim.Confidence || match.Cues != cues || match.Suggestion != suggestion
            || match.PreviousQuote != previousQuote)
        {
            updates.Add(new ClaimUpdate(
                match.Id, match.Revision, claim.Subject, claim.Scope, claim.Value, claim.Quote, claim.Span.Start, claim.Span.End,
                claim.Confidence, cues, suggestion, previousQuote));
        }
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

    private static string TooSlow(TimeSpan timeout) => string.Create(
        CultureInfo.InvariantCulture,
        $"reading took longer than {timeout.TotalSeconds:0.###} s (Ingest:ReadTimeoutSeconds): the markup is too complex to read");

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
        ClaimStatus Status, string? ReviewNote, int Revision, double Confidence, string? Cues, SuggestionState Suggestion, string? ReviewedBy,
        string? PreviousQuote)
    {
        /// <summary>An editor reviewed it, noted on it, or decided it as a suggestion: work a new version must not lose.</summary>
        public bool HasEditorialWork =>
            Status != ClaimStatus.Unreviewed || ReviewNote is not null || Suggestion is SuggestionState.Accepted or SuggestionState.Rejected;
    }

    private sealed record VersionKey(long Id, int Version, DateTimeOffset ObservedAt, string Sha256);

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

    /// <param name="Name">The source's name: the file name, or the name it was ingested as a version of.</param>
    /// <param name="FileName">The name of the file read.</param>
    /// <param name="By">Who uploaded the file, for the audit history; null for the command and the seeds.</param>
    private sealed record Accepted(
        string Name, string FileName, string? By, DateTimeOffset? Observed, string Sha256, long ByteCount, ExtractedDocument Document,
        IReadOnlyList<ExtractedClaim> Claims, DateOnly? StatedDate, TimeSpan ReadTime, TimeSpan ExtractTime);
}
