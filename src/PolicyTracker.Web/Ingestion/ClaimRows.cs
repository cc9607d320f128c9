using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Ingestion;

/// <summary>A stored claim that a new version of its source keeps, with the fields the new version gives it.</summary>
/// <param name="Quote">The quote in the new version: the same words, or the edited words a review was carried to.</param>
/// <param name="PreviousQuote">The words last reviewed, when they changed (<see cref="Claim.PreviousQuote"/>).</param>
internal sealed record ClaimUpdate(
    long Id, int Revision, string Subject, string Scope, string Value, string Quote, int Start, int End, double Confidence, string? Cues,
    SuggestionState Suggestion, string? PreviousQuote);

/// <summary>A claim to insert, with its state as a suggestion and its cues as stored.</summary>
internal sealed class NewClaim(ExtractedClaim claim, SuggestionState suggestion)
{
    private string? cues;
    private bool serialized;

    public ExtractedClaim Claim { get; } = claim;

    public SuggestionState Suggestion { get; } = suggestion;

    /// <summary>
    /// The cues as stored (<see cref="StoredCue.Serialize"/>): worked out ahead by <see cref="SerializeCues"/>, or each
    /// time they are asked for.
    /// </summary>
    public string? Cues => serialized ? cues : StoredCue.Serialize(Claim.Cues);

    /// <summary>
    /// Works the stored cues out now, on the thread that extracted the claim rather than in the writer's transaction.
    /// Done for documents of ordinary size only: a document at the size limit holds some 200,000 claims, whose cues
    /// kept at once would take more memory than the rest of its ingest.
    /// </summary>
    public void SerializeCues()
    {
        cues = StoredCue.Serialize(Claim.Cues);
        serialized = true;
    }
}

/// <summary>New claims of one source.</summary>
internal sealed record SourceClaims(long SourceId, IReadOnlyList<NewClaim> Claims);

/// <summary>
/// Writes a source's claims in bulk, with plain commands in the ingest's transaction instead of as tracked entities.
/// </summary>
/// <remarks>
/// A document at the size limit can hold some 200,000 claims. As tracked entities they took most of the ingest's
/// time, growing faster than their count (each claim added to its source's collection was looked for in it), and
/// about a gigabyte of memory. On SQLite new and deleted rows are staged in a temporary table by a prepared statement
/// per row, in process, and then written by one statement; PostgreSQL takes new rows by binary COPY and changes as one
/// statement per few thousand rows. A batch of documents inserts the claims of all its new sources at once. Updates keep the editors' concurrency check: a
/// claim whose revision changed since it was read is not overwritten, and the ingest fails and rolls back instead.
/// These commands bypass EF Core's, so each write tells <see cref="DataVersion"/> itself.
/// </remarks>
internal sealed class ClaimRows(PolicyDbContext db)
{
    private const int PostgresChunk = 5000;

    // Rows staged by one statement, ValuesPerRow values each. More rows would cost more than they save: parameters are
    // bound by name, each found by a linear search over the statement's names, so binding grows with the square of a
    // statement's parameters (32 rows to a statement cost twice what 8 do).
    private const int StagedRows = 8;

    private const int ValuesPerRow = 11;

    private const string Columns = """("SourceId", "Subject", "Topic", "Scope", "Value", "Quote", "Start", "End", "Confidence", "Cues", "Suggestion", "Status", "Revision")""";

    private static readonly string Unreviewed = ClaimStatus.Unreviewed.ToString();

    private bool IsPostgres => Connection is NpgsqlConnection;

    private DbConnection Connection => db.Database.GetDbConnection();

    private DbTransaction Transaction =>
        db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("claims are written inside the ingest's transaction");

    /// <summary>Inserts new claims of one source.</summary>
    public Task InsertAsync(long sourceId, IReadOnlyList<NewClaim> claims, CancellationToken ct) =>
        InsertAsync([new SourceClaims(sourceId, claims)], ct);

    /// <summary>
    /// Inserts the new claims of several sources with one statement (SQLite) or one COPY (PostgreSQL), in order: the
    /// claims get their ids as they would source after source.
    /// </summary>
    public async Task InsertAsync(IReadOnlyList<SourceClaims> sources, CancellationToken ct)
    {
        if (sources.All(s => s.Claims.Count == 0))
        {
            return;
        }

        DataVersion.Changed(db);

        if (Connection is NpgsqlConnection postgres)
        {
            await using var writer = await postgres.BeginBinaryImportAsync($"""COPY "Claims" {Columns} FROM STDIN (FORMAT BINARY)""", ct);
            foreach (var (sourceId, claims) in sources)
            {
                foreach (var row in claims)
                {
                    var claim = row.Claim;
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(sourceId, NpgsqlDbType.Bigint, ct);
                    await writer.WriteAsync(claim.Subject, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(claim.Topic, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(claim.Scope, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(claim.Value, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(claim.Quote, NpgsqlDbType.Text, ct);
                    await writer.WriteAsync(claim.Span.Start, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(claim.Span.End, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(claim.Confidence, NpgsqlDbType.Double, ct);
                    if (row.Cues is { } cues)
                    {
                        await writer.WriteAsync(cues, NpgsqlDbType.Text, ct);
                    }
                    else
                    {
                        await writer.WriteNullAsync(ct);
                    }

                    await writer.WriteAsync(row.Suggestion.ToString(), NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(Unreviewed, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(0, NpgsqlDbType.Integer, ct);
                }
            }

            await writer.CompleteAsync(ct);
            return;
        }

        // Staged first: SQLite's full-text index costs far more per statement than per row, and its trigger runs
        // once per inserting statement, so one INSERT ... SELECT indexes 200,000 quotes in well under a second.
        await ExecuteAsync("""
            CREATE TEMP TABLE "IngestClaims" ("SourceId" INTEGER, "Subject" TEXT, "Topic" TEXT, "Scope" TEXT, "Value" TEXT, "Quote" TEXT,
                "Start" INTEGER, "End" INTEGER, "Confidence" REAL, "Cues" TEXT, "Suggestion" TEXT)
            """, ct);

        // Many rows to a statement: each statement executed costs more than the rows it carries.
        DbCommand? full = null;
        try
        {
            var rows = sources.SelectMany(s => s.Claims.Select(c => (s.SourceId, Claim: c)));
            foreach (var chunk in rows.Chunk(StagedRows))
            {
                if (chunk.Length == StagedRows && full is null)
                {
                    full = StageCommand(StagedRows);
                    await full.PrepareAsync(ct);
                }

                await using var last = chunk.Length < StagedRows ? StageCommand(chunk.Length) : null;
                var stage = last ?? full!;
                var p = 0;
                foreach (var (sourceId, row) in chunk)
                {
                    var claim = row.Claim;
                    foreach (var value in (object[])[
                        sourceId, claim.Subject, claim.Topic, claim.Scope, claim.Value, claim.Quote, claim.Span.Start, claim.Span.End,
                        claim.Confidence, (object?)row.Cues ?? DBNull.Value, row.Suggestion.ToString()])
                    {
                        stage.Parameters[p++].Value = value;
                    }
                }

                await stage.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        await using (var insert = Command($"""
            INSERT INTO "Claims" {Columns}
            SELECT "SourceId", "Subject", "Topic", "Scope", "Value", "Quote", "Start", "End", "Confidence", "Cues", "Suggestion", @status, 0
            FROM temp."IngestClaims" ORDER BY rowid
            """))
        {
            Parameter(insert, "@status", Unreviewed);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await ExecuteAsync("""DROP TABLE temp."IngestClaims" """, ct);
    }

    public async Task UpdateAsync(IReadOnlyList<ClaimUpdate> updates, CancellationToken ct)
    {
        if (updates.Count == 0)
        {
            return;
        }

        DataVersion.Changed(db);
        if (IsPostgres)
        {
            foreach (var chunk in updates.Chunk(PostgresChunk))
            {
                await using var batch = Command("""
                    UPDATE "Claims" AS c SET "Subject" = u.subject, "Scope" = u.scope, "Value" = u.value, "Start" = u.start, "End" = u."end",
                        "Confidence" = u.confidence, "Cues" = u.cues, "Suggestion" = u.suggestion, "Quote" = u.quote, "PreviousQuote" = u.previous
                    FROM unnest(@ids, @revisions, @subjects, @scopes, @values, @starts, @ends, @confidences, @cues, @suggestions, @quotes, @previous)
                        AS u(id, revision, subject, scope, value, start, "end", confidence, cues, suggestion, quote, previous)
                    WHERE c."Id" = u.id AND c."Revision" = u.revision
                    """);
                Parameter(batch, "@ids", chunk.Select(u => u.Id).ToArray());
                Parameter(batch, "@revisions", chunk.Select(u => u.Revision).ToArray());
                Parameter(batch, "@subjects", chunk.Select(u => u.Subject).ToArray());
                Parameter(batch, "@scopes", chunk.Select(u => u.Scope).ToArray());
                Parameter(batch, "@values", chunk.Select(u => u.Value).ToArray());
                Parameter(batch, "@starts", chunk.Select(u => u.Start).ToArray());
                Parameter(batch, "@ends", chunk.Select(u => u.End).ToArray());
                Parameter(batch, "@confidences", chunk.Select(u => u.Confidence).ToArray());
                Parameter(batch, "@cues", chunk.Select(u => u.Cues).ToArray());
                Parameter(batch, "@suggestions", chunk.Select(u => u.Suggestion.ToString()).ToArray());
                Parameter(batch, "@quotes", chunk.Select(u => u.Quote).ToArray());
                Parameter(batch, "@previous", chunk.Select(u => u.PreviousQuote).ToArray());
                ExpectRows(await batch.ExecuteNonQueryAsync(ct), chunk.Length);
            }

            return;
        }

        await using var command = Command("""
            UPDATE "Claims" SET "Subject" = @subject, "Scope" = @scope, "Value" = @value, "Start" = @start, "End" = @end,
                "Confidence" = @confidence, "Cues" = @cues, "Suggestion" = @suggestion, "Quote" = @quote, "PreviousQuote" = @previous
            WHERE "Id" = @id AND "Revision" = @revision
            """);
        var id = Parameter(command, "@id", 0L);
        var revision = Parameter(command, "@revision", 0);
        var subject = Parameter(command, "@subject", string.Empty);
        var scope = Parameter(command, "@scope", string.Empty);
        var value = Parameter(command, "@value", string.Empty);
        var start = Parameter(command, "@start", 0);
        var end = Parameter(command, "@end", 0);
        var confidence = Parameter(command, "@confidence", 0.0);
        var cues = Parameter(command, "@cues", DBNull.Value);
        var suggestion = Parameter(command, "@suggestion", string.Empty);
        var quote = Parameter(command, "@quote", string.Empty);
        var previous = Parameter(command, "@previous", DBNull.Value);
        await command.PrepareAsync(ct);
        foreach (var update in updates)
        {
            (id.Value, revision.Value, subject.Value, scope.Value, value.Value, start.Value, end.Value) =
                (update.Id, update.Revision, update.Subject, update.Scope, update.Value, update.Start, update.End);
            (confidence.Value, cues.Value, suggestion.Value) =
                (update.Confidence, (object?)update.Cues ?? DBNull.Value, update.Suggestion.ToString());
            (quote.Value, previous.Value) = (update.Quote, (object?)update.PreviousQuote ?? DBNull.Value);
            ExpectRows(await command.ExecuteNonQueryAsync(ct), 1);
        }
    }

    /// <summary>Deletes claims; their evidence goes with them (the foreign key cascades), and so does their search entry.</summary>
    public async Task DeleteAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        DataVersion.Changed(db);

        if (IsPostgres)
        {
            foreach (var chunk in ids.Chunk(PostgresChunk))
            {
                await using var batch = Command("""DELETE FROM "Claims" WHERE "Id" = ANY(@ids)""");
                Parameter(batch, "@ids", chunk);
                await batch.ExecuteNonQueryAsync(ct);
            }

            return;
        }

        // Staged and deleted in one statement, for the full-text index's sake as with inserts.
        await ExecuteAsync("""CREATE TEMP TABLE "IngestGone" ("Id" INTEGER PRIMARY KEY)""", ct);
        await using (var stage = Command("""INSERT INTO temp."IngestGone" VALUES (@id)"""))
        {
            var id = Parameter(stage, "@id", 0L);
            await stage.PrepareAsync(ct);
            foreach (var claimId in ids)
            {
                id.Value = claimId;
                await stage.ExecuteNonQueryAsync(ct);
            }
        }

        await ExecuteAsync("""DELETE FROM "Claims" WHERE "Id" IN (SELECT "Id" FROM temp."IngestGone")""", ct);
        await ExecuteAsync("""DROP TABLE temp."IngestGone" """, ct);
    }

    private DbCommand StageCommand(int rows)
    {
        var sql = new System.Text.StringBuilder("""INSERT INTO temp."IngestClaims" VALUES """);
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var j = 0; j < ValuesPerRow; j++)
            {
                sql.Append(j == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"@p{(i * ValuesPerRow) + j}");
            }

            sql.Append(')');
        }

        var command = Command(sql.ToString());
        for (var p = 0; p < rows * ValuesPerRow; p++)
        {
            Parameter(command, string.Create(CultureInfo.InvariantCulture, $"@p{p}"), DBNull.Value);
        }

        return command;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void ExpectRows(int affected, int expected)
    {
        if (affected != expected)
        {
            // An editor saved one of these claims after the ingest read it; EF Core would have refused the same way.
            throw new DbUpdateConcurrencyException($"{expected - affected} claim(s) changed while the source was being ingested; ingest it again");
        }
    }

    private DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
#pragma warning disable CA2100 // Justification: the statements are constants of this class; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
