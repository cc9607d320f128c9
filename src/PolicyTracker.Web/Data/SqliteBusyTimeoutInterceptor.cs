using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyTracker.Web.Data;

/// <summary>
/// Sets SQLite's busy timeout on every connection, so a web request and a command-line ingest
/// writing at the same time wait for each other instead of failing with "database is locked".
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor(int seconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = Pragma(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = Pragma(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Pragma(DbConnection connection)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Justification: the only value in the text is an int from validated options.
        command.CommandText = $"PRAGMA busy_timeout = {seconds * 1000};";
#pragma warning restore CA2100
        return command;
    }
}
