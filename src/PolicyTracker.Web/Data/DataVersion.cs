using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PolicyTracker.Web.Data;

/// <summary>
/// The version of everything the pages show, which every cache of data state is keyed by: the rendered read pages,
/// the comparison (with the Providers views kept beside it) and the claim totals. It is a counter in one row, moved by
/// one statement inside the transaction of every commit that writes what a page shows, so the new version becomes
/// visible with the commit and never before it; on PostgreSQL concurrent writers queue on the row's lock, so each
/// commit adds one, in commit order (the highest id of a table would not do: ids are handed out before commit, so a
/// later commit can carry a lower id). Read from the database, so a change made through another instance or a command
/// beside the app counts on the next request; one primary-key lookup, read at most once per request.
/// </summary>
/// <remarks>
/// Which writes move it is decided here and nowhere else: a write to the table of any entity the app keeps about the
/// policies and their review (<see cref="IsShown"/>). <see cref="DataVersionInterceptor"/> applies the rule to every
/// command EF Core runs (SaveChanges, ExecuteUpdate, ExecuteDelete, raw SQL) and moves the version as the transaction
/// commits; the ingest's bulk writes, which go to the connection directly, report themselves with <see cref="Changed"/>.
/// </remarks>
public static partial class DataVersion
{
    /// <summary>The id of the one row.</summary>
    public const int RowId = 1;

    /// <summary>What moves the version: run in the writer's transaction just before it commits.</summary>
    internal const string MoveSql = """UPDATE "DataVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1""";

    private static readonly ConcurrentDictionary<IModel, FrozenSet<string>> ShownTables = new();

    /// <summary>
    /// The current version. Kept on the context until it commits a change of its own, so the page cache, the claim
    /// totals and the comparison of one request share one read, and a request that writes reads again afterwards.
    /// A context outlives a request only in a command or a background job, each of which reads one state of the data.
    /// </summary>
    public static Task<long> ReadAsync(PolicyDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.DataVersionRead is not { IsFaulted: false, IsCanceled: false } read)
        {
            read = db.DataVersionRead = db.Set<DataVersionRow>().AsNoTracking()
                .Where(v => v.Id == RowId).Select(v => v.Value).SingleAsync(ct);
        }

        return read;
    }

    /// <summary>
    /// Says that the context's open transaction wrote what pages show by a command EF Core did not run (the ingest's
    /// bulk insert, update and delete of claims), so its commit moves the version.
    /// </summary>
    internal static void Changed(PolicyDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("a bulk write of what pages show must run in a transaction, which moves the data version as it commits");
        }

        db.DataChangePending = true;
    }

    /// <summary>
    /// Whether pages show an entity's rows: everything the app keeps about policies and their review — sources, their
    /// versions and changes, claims, evidence, contradiction reviews, the audit history. Not the watch schedule (its
    /// leases and fetch results change every few minutes and show only on the Sources page, which is never cached; what a
    /// fetch ingests is shown), the sign-in accounts and their keys, or this counter.
    /// </summary>
    public static bool IsShown(IEntityType entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var type = entity.ClrType;
        return type.Namespace == typeof(Claim).Namespace && type != typeof(WatchedSource) && type != typeof(DataVersionRow);
    }

    /// <summary>Whether a command's SQL inserts, updates or deletes rows of a table that pages show.</summary>
    internal static bool Writes(IModel model, string sql)
    {
        var tables = ShownTables.GetOrAdd(model, m => m.GetEntityTypes().Where(IsShown)
            .Select(e => e.GetTableName()).OfType<string>().ToFrozenSet(StringComparer.Ordinal));
        foreach (Match write in WriteStatement().Matches(sql))
        {
            if (tables.Contains(write.Groups["table"].Value))
            {
                return true;
            }
        }

        return false;
    }

    // The statements EF Core writes on both databases name their table quoted, right after the keyword.
    [GeneratedRegex(@"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+""(?<table>[^""]+)""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex WriteStatement();
}
