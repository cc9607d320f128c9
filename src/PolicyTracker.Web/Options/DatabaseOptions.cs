using System.ComponentModel.DataAnnotations;

namespace PolicyTracker.Web.Options;

/// <summary>Which database engine holds the app's data.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file: the zero-install default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, which several app instances can share.</summary>
    Postgres,
}

/// <summary>
/// How the app reaches its database: <c>Database:Provider</c> picks the engine, and the connection string is read
/// from <c>ConnectionStrings:Default</c>, the conventional place, rather than from this section.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "Default";

    public const string DefaultFileName = "policytracker.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>How long a connection waits for another writer's lock before it gives up (SQLite only).</summary>
    [Range(1, 3600)]
    public int BusyTimeoutSeconds { get; set; } = 30;
}
