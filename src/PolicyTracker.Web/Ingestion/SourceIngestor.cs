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
/// The one place a file becomes a source with its claims. Reading and extraction happen before the database is
/// touched (<see cref="PrepareAsync"/>, on any thread, each thread with its own ingestor), and storing is one
/// transaction (<see cref="StoreAsync"/>) for one file or a batch of them, so a refused or failed ingest leaves the
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
    /// <summary>
    /// Up to this many claims in a document, their stored cues are worked out when it is extracted (<see cref="NewClaim.SerializeCues"/>).
    /// </summary>
    private const int CuesWorkedOutAhead = 5000;

    /// <summary>The SQLite page cache a run of batches gets (<see cref="OpenForRunAsync"/>), in kilobytes.</summary>
    public const int RunCacheKilobytes = 64 * 1024;

    /// <summary>Ingests a file as a version of the source its file name names, observed now.</summary>
    public Task<IngestOutcome> IngestAsync(string fileName, byte[] bytes, CancellationToken ct) =>
        IngestAsync(fileName, bytes, IngestAs.FileName, ct);

    /// <summary>Ingests a file as a version of the source <paramref name="target"/> names, observed when it says; one transaction.</summary>
    public Task<IngestOutcome> IngestAsync(string fileName, byte[] bytes, IngestAs target, CancellationToken ct) =>
        metrics.MeasureIngestAsync(async () =>
        {
            var file = await PrepareAsync(fileName, fileName, bytes, target, ct);

            // Refused, or the same bytes as a version stored when it was just looked at: that answer stands.
            return file.Answer is { } answer ? Logged(answer) : await StoreOneAsync(file, new IngestRun(target), ct);
        });

    /// <summary>
    /// Reads and extracts a file, ready to be stored. The database is only read, to find the same bytes stored already:
    /// then the file is neither read nor extracted. Ingestors of one scope each may prepare files on several threads at
    /// once while another stores.
    /// </summary>
    /// <param name="shown">The file as the person named it (its path for the command): what the run's lines call it.</param>
    /// <param name="fileName">The file's name, which tells its format and, without a chosen source, names its source.</param>
    public async Task<PreparedFile> PrepareAsync(string shown, string fileName, byte[] bytes, IngestAs target, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(target);
        var file = Path.GetFileName(fileName);
        if (IngestAs.CheckSource(target.Source) is { } badName)
        {
            return PreparedFile.Refused(shown, new IngestOutcome.Rejected(file, badName));
        }

        var prepared = new PreparedFile(shown, file, target, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes);

        // Same bytes again is the common re-run case: answer it without reading or extracting.
        var stored = await db.Sources.AsNoTracking().Where(s => s.FileName == prepared.Name).Select(s => (long?)s.Id).SingleOrDefaultAsync(ct);
        if (stored is { } storedId
            && SameAsNeighbour(await VersionsAsync(storedId, ct), prepared.Observed ?? time.GetUtcNow(), prepared.Sha256) is { } same)
        {
            // The bytes are kept: a batch asks again in its turn, as a file stored before this one may have changed the answer.
            prepared.Unchanged = new IngestOutcome.Unchanged(prepared.Name, storedId, same.Version);
            return prepared;
        }

        Extract(prepared, ct);
        return prepared;
    }

    /// <summary>
    /// Keeps this ingestor's connection open for a run of many batches, until the result is disposed. On SQLite it
    /// also gets a page cache of <see cref="RunCacheKilobytes"/> for the run: a batch inserts into every index of the
    /// claims and the full-text index, all over their pages, and SQLite's default 2 MB holds a small part of them once
    /// there are tens of thousands of claims.
    /// </summary>
    public async Task<IAsyncDisposable> OpenForRunAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (DatabaseProviders.ProviderOf(db) != DatabaseProvider.Sqlite)
        {
            return new RunConnection(db, null);
        }

        var cache = await db.Database.SqlQueryRaw<long>("SELECT cache_size AS \"Value\" FROM pragma_cache_size()").SingleAsync(ct);
        await db.Database.ExecuteSqlRawAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {-RunCacheKilobytes}"), ct);
        return new RunConnection(db, cache);
    }

    /// <summary>
    /// Stores one prepared file in a transaction of its own. When another ingest stored the same source or version
    /// between our read and our insert, the file is applied once more against what is stored now.
    /// </summary>
    public async Task<IngestOutcome> StoreOneAsync(PreparedFile file, IngestRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            return (await StoreAsync([file], run, ct))[0];
        }
        catch (DbUpdateException ex) when (DatabaseProviders.IsUniqueViolation(ex))
        {
            logger.LogWarning("Ingest of {Source} raced with another; retrying against the stored source", file.Name);
            return (await StoreAsync([file], run, ct))[0];
        }
    }

    /// <summary>
    /// Stores prepared files in one transaction, in their order, each with the outcome it would have stored alone
    /// after the ones before it: a file whose name an earlier file of the run took is refused; the same bytes as the
    /// version a file would sit next to (stored before, or earlier in the batch) change nothing; a source that an
    /// earlier file of the batch added gets the later one as its next version. New sources are written together: their
    /// rows by one save and all their claims by one statement, the claims' ids in file order.
    /// </summary>
    /// <returns>Each file's outcome, in order. When the transaction fails, nothing of the batch is stored, the run is
    /// as it was, and the exception is thrown: the caller may store the files one by one.</returns>
    public async Task<IReadOnlyList<IngestOutcome>> StoreAsync(IReadOnlyList<PreparedFile> files, IngestRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(run);
        var started = Stopwatch.GetTimestamp();
        var attempt = run.Fork();
        var batch = new Batch(files.Count);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var names = files.Where(f => !f.Final).Select(f => f.Name).Distinct().ToList();
            foreach (var source in await db.Sources.AsNoTracking().Where(s => names.Contains(s.FileName)).Select(s => new { s.Id, s.FileName }).ToListAsync(ct))
            {
                batch.Stored[source.FileName] = source.Id;
            }

            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                batch.Outcomes[i] = attempt.SameNameAsEarlier(file.Shown, file.FileName) ?? await StoreFileAsync(batch, i, file, ct);
                attempt.Record(file.Shown, file.FileName, batch.Outcomes[i]!);
            }

            await FlushAsync(batch, ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            // Whatever happened, nothing tracked may leak into the next save.
            db.ChangeTracker.Clear();
        }

        run.Take(attempt);
        var storeTime = Stopwatch.GetElapsedTime(started);
        for (var i = 0; i < files.Count; i++)
        {
            Logged(batch.Outcomes[i]!, files[i].Accepted, storeTime, files.Count);
        }

        return batch.Outcomes!;
    }

    /// <summary>One file of a batch, against what the transaction holds so far.</summary>
    private async Task<IngestOutcome> StoreFileAsync(Batch batch, int index, PreparedFile file, CancellationToken ct)
    {
        if (file.Final)
        {
            return file.Refusal!;
        }

        var now = time.GetUtcNow();
        var observed = file.Observed ?? now;
        if (batch.Added.ContainsKey(file.Name))
        {
            // An earlier file of the batch added this source: it is written first, as it would have been alone.
            await FlushAsync(batch, ct);
        }

        List<VersionKey>? versions = null;
        if (batch.Stored.TryGetValue(file.Name, out var sourceId))
        {
            versions = await VersionsAsync(sourceId, ct);
            if (SameAsNeighbour(versions, observed, file.Sha256) is { } same)
            {
                return new IngestOutcome.Unchanged(file.Name, sourceId, same.Version);
            }
        }

        if (file.Accepted is null && file.Refusal is null)
        {
            // It had the bytes of a stored version when it was prepared, but a file before it took that place.
            Extract(file, ct);
        }

        if (file.Refusal is { } refusal)
        {
            return refusal;
        }

        var accepted = file.Accepted! with { Observed = observed };
        if (versions is null)
        {
            return AddSource(batch, index, accepted, now);
        }

        // Written in the order one file after another would write them, so every row gets the id it would have.
        await FlushAsync(batch, ct);
        return await AddVersionAsync(sourceId, versions, accepted, now, ct);
    }

    /// <summary>A new source, tracked until the batch writes its new sources together (<see cref="FlushAsync"/>).</summary>
    private IngestOutcome.Added AddSource(Batch batch, int index, Accepted accepted, DateTimeOffset now)
    {
        var source = new Source
        {
            FileName = accepted.Name,
            Sha256 = accepted.Sha256,
            Text = accepted.Document.Text,
            Kind = accepted.Kind,
            Version = 1,
            IngestedAt = now,
        };
        MakeCurrent(source, accepted, now);
        source.Versions.Add(NewVersionRow(accepted, 1, now));
        db.Sources.Add(source);
        batch.Added[source.FileName] = new AddedSource(index, source, accepted, now);

        // Its id is known once it is written.
        return new IngestOutcome.Added(source.FileName, 0, accepted.Claims.Count, accepted.SuggestionCount, accepted.Language);
    }

    /// <summary>
    /// Writes the new sources the batch holds so far: their rows and versions by one save, then all their claims by
    /// one statement, then the uploads' entries in the audit history.
    /// </summary>
    private async Task FlushAsync(Batch batch, CancellationToken ct)
    {
        if (batch.Added.Count == 0)
        {
            return;
        }

        // Only new rows are tracked, each added explicitly: nothing to detect, and a 20 KB text is not compared twice.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.SaveChangesAsync(ct);
            var added = batch.Added.Values.OrderBy(a => a.Index).ToList();
            await new ClaimRows(db).InsertAsync([.. added.Select(a => new SourceClaims(a.Source.Id, a.Accepted.Claims))], ct);
            db.ChangeTracker.Clear();
            var uploads = 0;
            foreach (var (index, source, accepted, now) in added)
            {
                batch.Stored[source.FileName] = source.Id;
                batch.Outcomes[index] = (IngestOutcome.Added)batch.Outcomes[index]! with { SourceId = source.Id };
                uploads += RecordUpload(accepted, source.FileName, 1, now) ? 1 : 0;
            }

            if (uploads > 0)
            {
                await db.SaveChangesAsync(ct);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            batch.Added.Clear();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>New bytes for a stored source: a version in its date order, its history compared again, and when it is the newest, its claims.</summary>
    private async Task<IngestOutcome> AddVersionAsync(long sourceId, List<VersionKey> versions, Accepted accepted, DateTimeOffset now, CancellationToken ct)
    {
        var source = await db.Sources.SingleAsync(s => s.Id == sourceId, ct);

        // The new version goes after every version observed at or before it; later ones move up one place.
        var place = versions.Count(v => v.ObservedAt <= accepted.Observed);
        var number = place + 1;
        await RenumberAsync(source.Id, versions.Skip(place).ToList(), ct);
        if (number > versions.Count)
        {
            await KeepCurrentClaimsAsync(source, versions[^1], ct);
            await CarryOverReviewsAsync(new ClaimRows(db), source, accepted, now, ct);
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
        if (RecordUpload(accepted, source.FileName, number, now))
        {
            await db.SaveChangesAsync(ct);
        }

        db.ChangeTracker.Clear();
        return new IngestOutcome.NewVersion(
            source.FileName, source.Id, number, versions.Count + 1, accepted.Claims.Count, accepted.SuggestionCount,
            changes.Count(c => c.ToVersion == number || c.ToVersion == number + 1), accepted.Language);
    }

    /// <summary>
    /// Reads and extracts a prepared file's bytes: it is then accepted, with everything stored beside its claims worked
    /// out here rather than in the transaction, or refused with the reason.
    /// </summary>
    private void Extract(PreparedFile file, CancellationToken ct)
    {
        var bytes = file.Bytes ?? throw new InvalidOperationException($"{file.Name} was read already");
        file.Bytes = null;
        var limit = options.Value.MaxFileBytes;
        if (bytes.LongLength > limit)
        {
            file.Refusal = new IngestOutcome.Rejected(file.Name, IngestOutcome.Rejected.TooBig(bytes.LongLength, limit));
            return;
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
                document = SourceReader.Read(file.FileName, bytes, limit, budget.Token);
                readTime = Stopwatch.GetElapsedTime(started);

                // The token is cancelled by a timer, which a busy thread pool can run late: the clock decides as well.
                if (readTime > timeout)
                {
                    file.Refusal = new IngestOutcome.Rejected(file.Name, TooSlow(timeout));
                    return;
                }

                claims = extractor.Extract(document);
            }
            catch (SourceRejectedException ex)
            {
                file.Refusal = new IngestOutcome.Rejected(file.Name, ex.Message);
                return;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                file.Refusal = new IngestOutcome.Rejected(file.Name, TooSlow(timeout));
                return;
            }
        }

        var wrong = claims.FirstOrDefault(c => !IsExactSlice(document.Text, c));
        if (wrong is not null)
        {
            // A quote that is not the text at its span is an extractor bug; storing it would mislead a reviewer.
            file.Refusal = new IngestOutcome.Rejected(
                file.Name, $"extracted claim {wrong.Topic} at [{wrong.Span.Start}, {wrong.Span.End}) does not quote the text exactly");
            return;
        }

        var rows = claims.Select(c => new NewClaim(c, SuggestionOf(c))).ToList();
        if (rows.Count <= CuesWorkedOutAhead)
        {
            rows.ForEach(r => r.SerializeCues());
        }

        var versionClaims = VersionClaims.Serialize(rows.Select(r => new VersionClaims.Row(
            r.Claim.Subject, r.Claim.Topic, r.Claim.Scope, r.Claim.Value, r.Claim.Span.Start, r.Claim.Span.End, r.Suggestion == SuggestionState.Pending)));
        file.Accepted = new Accepted(
            file.Name, file.FileName, file.Target.By, file.Observed, file.Sha256, bytes.LongLength, document, rows,
            rows.Count(r => r.Suggestion == SuggestionState.Pending), versionClaims, SourceKindGuesser.Guess(file.FileName, document),
            StatedDateReader.Read(document.Text), UnreadLanguage.Of(document.Text), readTime, Stopwatch.GetElapsedTime(started) - readTime);
    }

    /// <summary>
    /// An uploaded version's entry in the audit history, saved in the ingest's transaction: the version and its entry
    /// are stored together or not at all.
    /// </summary>
    private bool RecordUpload(Accepted accepted, string sourceName, int version, DateTimeOffset now)
    {
        if (accepted.By is not { } by)
        {
            return false;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            Actor = by,
            Action = AuditAction.SourceUploaded,
            Target = $"source {sourceName}",
            To = $"version {version}",
            Note = accepted.FileName == sourceName ? null : $"from the file {accepted.FileName}",
        });
        return true;
    }

    /// <summary>The source row's copy of its current version's metadata.</summary>
    private static void MakeCurrent(Source source, Accepted accepted, DateTimeOffset now)
    {
        source.Title = accepted.Document.Title;
        source.Format = accepted.Document.Format;
        source.ByteCount = accepted.ByteCount;
        source.UpdatedAt = now;
    }

    private static SourceVersion NewVersionRow(Accepted accepted, int number, DateTimeOffset now) => new()
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
        Claims = accepted.VersionClaims,
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

        var added = new List<NewClaim>();
        var updates = new List<ClaimUpdate>();
        foreach (var row in accepted.Claims)
        {
            var claim = row.Claim;
            var candidates = unmatched.GetValueOrDefault(new QuoteKey(claim.Topic, claim.Quote.AsMemory()));
            var match = candidates?.FirstOrDefault(c => c.Subject == claim.Subject && c.Scope == claim.Scope && c.Value == claim.Value)
                ?? candidates?.FirstOrDefault(c => c.Scope == claim.Scope)
                ?? candidates?.FirstOrDefault();
            if (match is null)
            {
                added.Add(row);
                continue;
            }

            candidates!.Remove(match);
            AddUpdate(updates, match, row, match.PreviousQuote);
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
                .Where(c => c.Claim.Topic == stored.Topic && c.Claim.Span.Start < anchor.End && anchor.Start < c.Claim.Span.End)
                .OrderByDescending(c => c.Claim.Subject == stored.Subject && c.Claim.Scope == stored.Scope)
                .ThenBy(c => Math.Abs(c.Claim.Span.Start - anchor.Start))
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
        await rows.InsertAsync(source.Id, added, ct);
    }

    /// <summary>Writes the new version's claim over the stored row it matched, when anything about it differs.</summary>
    private static void AddUpdate(List<ClaimUpdate> updates, StoredClaim match, NewClaim row, string? previousQuote)
    {
        var (claim, cues) = (row.Claim, row.Cues);
        var suggestion = SuggestionAfterReingest(match, row);
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

    private SuggestionState SuggestionOf(ExtractedClaim claim) => claim.IsSuggestion(Threshold) ? SuggestionState.Pending : SuggestionState.None;

    /// <summary>
    /// An editor's decision stays: an accepted claim stays a claim and a rejected one stays rejected, whatever the
    /// confidence now. So does a claim an editor has reviewed, which they treated as a claim. Otherwise the new
    /// confidence decides, as for a new claim.
    /// </summary>
    private static SuggestionState SuggestionAfterReingest(StoredClaim stored, NewClaim extracted) => stored.Suggestion switch
    {
        SuggestionState.Accepted or SuggestionState.Rejected => stored.Suggestion,
        SuggestionState.None when stored.ReviewedBy is not null => SuggestionState.None,
        _ => extracted.Suggestion,
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

    /// <summary>Logs what an ingest did, once it is done: with its stage times when it stored a version.</summary>
    /// <param name="storeTime">The time its transaction took, shared with the other files of the batch.</param>
    /// <param name="batchFiles">How many files the transaction held.</param>
    private IngestOutcome Logged(IngestOutcome outcome, Accepted? accepted = null, TimeSpan storeTime = default, int batchFiles = 1)
    {
        switch (outcome)
        {
            case IngestOutcome.Unchanged same:
                logger.LogInformation("Skipped {Source}: same bytes as version {Version}", same.FileName, same.Version);
                break;
            case IngestOutcome.Rejected refused:
                logger.LogWarning("Refused {Source}: {Reason}", refused.FileName, refused.Reason);
                break;
            default:
                logger.LogInformation(
                    "Ingested {Source} version {Version}: {ClaimCount} claims, {SuggestionCount} of them below the threshold of {Threshold} (read {ReadSeconds:0.00} s, extract {ExtractSeconds:0.00} s, store {StoreSeconds:0.00} s in a transaction of {BatchFiles} files)",
                    outcome.FileName, outcome is IngestOutcome.NewVersion added ? added.Versions : 1, accepted!.Claims.Count, accepted.SuggestionCount,
                    Threshold, accepted.ReadTime.TotalSeconds, accepted.ExtractTime.TotalSeconds, storeTime.TotalSeconds, batchFiles);
                break;
        }

        return outcome;
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

    /// <summary>An ingestor's connection held open for a run; closing it gives the connection back its page cache.</summary>
    private sealed class RunConnection(PolicyDbContext db, long? cache) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (cache is { } size)
            {
                await db.Database.ExecuteSqlRawAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {size}"));
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>What one transaction holds: the sources it knows by name, the new ones not yet written, the outcomes.</summary>
    private sealed class Batch(int files)
    {
        public Dictionary<string, long> Stored { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, AddedSource> Added { get; } = new(StringComparer.Ordinal);

        public IngestOutcome?[] Outcomes { get; } = new IngestOutcome?[files];
    }

    /// <summary>A new source of a batch, tracked until its batch writes it; <paramref name="Index"/> is its file's place.</summary>
    private sealed record AddedSource(int Index, Source Source, Accepted Accepted, DateTimeOffset Now);
}

/// <summary>A file read and extracted, accepted for storing: its document, claims and what is stored beside them.</summary>
/// <param name="Name">The source's name: the file name, or the name it was ingested as a version of.</param>
/// <param name="FileName">The name of the file read.</param>
/// <param name="By">Who uploaded the file, for the audit history; null for the command and the seeds.</param>
/// <param name="VersionClaims">The claims as the version row keeps them (<see cref="Data.VersionClaims"/>).</param>
/// <param name="Kind">The kind guessed for a new source.</param>
/// <param name="Language">What the text is mostly in when the extractor does not read it, for the outcome to say.</param>
internal sealed record Accepted(
    string Name, string FileName, string? By, DateTimeOffset? Observed, string Sha256, long ByteCount, ExtractedDocument Document,
    IReadOnlyList<NewClaim> Claims, int SuggestionCount, string VersionClaims, SourceKind Kind, DateOnly? StatedDate,
    UnreadLanguage? Language, TimeSpan ReadTime, TimeSpan ExtractTime);
