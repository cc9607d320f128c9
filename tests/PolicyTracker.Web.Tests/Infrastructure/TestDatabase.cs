using Npgsql;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>
/// Which database the integration tests run on. SQLite unless <c>POLICYTRACKER_TEST_DATABASE=Postgres</c>, in which
/// case <c>POLICYTRACKER_TEST_POSTGRES</c> is a connection string to a server the tests may create and drop
/// databases on (scripts/postgres-test-server.sh starts a throwaway one and sets both for scripts/test.sh).
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "POLICYTRACKER_TEST_DATABASE";

    public const string ServerVariable = "POLICYTRACKER_TEST_POSTGRES";

    public static DatabaseProvider Provider { get; } =
        Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } name
            ? Enum.Parse<DatabaseProvider>(name, ignoreCase: true)
            : DatabaseProvider.Sqlite;

    /// <summary>Creates an empty database of its own on the test server and returns a connection string to it.</summary>
    public static string CreatePostgresDatabase()
    {
        var name = $"policytracker_test_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(Server()) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreatePostgresDatabase"/>, closing whatever still uses it.</summary>
    public static void DropPostgresDatabase(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string Server() =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{ProviderVariable}=Postgres needs {ServerVariable}, a connection string to a PostgreSQL server; " +
                "scripts/postgres-test-server.sh starts one and sets it");

    private static void Execute(string sql)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(Server()) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Justification: the only value in the text is a database name made from a GUID.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
