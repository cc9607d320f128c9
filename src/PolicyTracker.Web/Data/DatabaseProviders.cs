using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Data;

/// <summary>
/// Everything that differs between the database engines, in one place: how a context is configured and created,
/// what is done before migrating, what a unique-key violation looks like and how quotes are searched.
/// Code elsewhere is written once for both.
/// </summary>
public static class DatabaseProviders
{
    private const int SqliteConstraintUnique = 2067;

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(options.ConnectionString)
                    .AddInterceptors(new SqliteBusyTimeoutInterceptor(options.BusyTimeoutSeconds));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "unknown database provider");
        }
    }

    /// <summary>The context type whose migrations match the provider the options were configured for.</summary>
    public static PolicyDbContext CreateContext(DbContextOptions<PolicyDbContext> options, DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? new PostgresPolicyDbContext(options) : new PolicyDbContext(options);

    /// <summary>A context outside dependency injection, for tools and tests.</summary>
    public static PolicyDbContext CreateContext(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<PolicyDbContext>();
        Configure(builder, options);
        return CreateContext(builder.Options, options.Provider);
    }

    public static DatabaseProvider ProviderOf(PolicyDbContext db) =>
        db is PostgresPolicyDbContext ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>What to call the database in logs: the SQLite file, or the server and database (never a password).</summary>
    public static string Describe(PolicyDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connectionString = db.Database.GetConnectionString();
        if (ProviderOf(db) == DatabaseProvider.Postgres)
        {
            var postgres = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{postgres.Host}:{postgres.Port}/{postgres.Database}";
        }

        return new SqliteConnectionStringBuilder(connectionString).DataSource;
    }

    /// <summary>
    /// Runs before migrating. SQLite: creates the file's folder and turns on WAL, which lets readers go on while one
    /// writer ingests (the mode is stored in the file, so once is enough). PostgreSQL needs nothing: migrating creates
    /// the database when it is missing, and EF Core's migration lock keeps instances starting together in turn.
    /// </summary>
    public static async Task PrepareAsync(PolicyDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (ProviderOf(db) != DatabaseProvider.Sqlite)
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(Describe(db)));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Whether a save failed on a unique index, e.g. two ingests of one file name racing.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception?.InnerException switch
    {
        SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    /// <summary>
    /// The claims whose quote holds every word, the last one possibly as a prefix, using the database's own
    /// full-text index. SQLite: the FTS5 table <c>ClaimsFts</c> (unicode61 tokens, diacritics removed). PostgreSQL:
    /// the GIN index on <c>to_tsvector('simple', Quote)</c> (lower-cased words, no stemming).
    /// </summary>
    public static IQueryable<Claim> WhereQuoteMatches(PolicyDbContext db, IQueryable<Claim> claims, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            return claims;
        }

        if (ProviderOf(db) == DatabaseProvider.Postgres)
        {
            // Words are letters and digits only, so quoting each is enough to keep the tsquery well-formed.
            var query = string.Join(" & ", words.Select((w, i) => i == words.Count - 1 ? $"'{w}':*" : $"'{w}'"));
            return claims.Where(c => EF.Functions.ToTsVector(PostgresPolicyDbContext.TextSearchConfiguration, c.Quote)
                .Matches(EF.Functions.ToTsQuery(PostgresPolicyDbContext.TextSearchConfiguration, query)));
        }

        // Each word is quoted, so FTS5 operators and punctuation are literal and the query cannot be a syntax error.
        var match = string.Join(' ', words.Select((w, i) => i == words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));
        return claims.Where(c => db.Database
            .SqlQuery<long>($"SELECT rowid AS Value FROM ClaimsFts WHERE ClaimsFts MATCH {match}")
            .Contains(c.Id));
    }
}
