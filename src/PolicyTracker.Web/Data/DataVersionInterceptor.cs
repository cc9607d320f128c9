using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyTracker.Web.Data;

/// <summary>
/// Applies <see cref="DataVersion"/>'s rule to every command EF Core runs for a <see cref="PolicyDbContext"/>: a
/// write of what pages show marks the context's transaction, and the transaction moves the version just before it
/// commits, so the new version is never visible without the data (and moving it last holds PostgreSQL's row lock
/// only for the commit). A write outside any transaction commits on its own, so the version moves right after it.
/// Stateless: what a transaction wrote is kept on its context.
/// </summary>
internal sealed class DataVersionInterceptor : IDbCommandInterceptor, IDbTransactionInterceptor
{
    public static readonly DataVersionInterceptor Instance = new();

    private DataVersionInterceptor()
    {
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        After(command, eventData, result);

    public ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        AfterAsync(command, eventData, result, cancellationToken);

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => After(command, eventData, result);

    public ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        AfterAsync(command, eventData, result, cancellationToken);

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (Due(eventData.Context) is { } db)
        {
            using var move = Move(transaction.Connection!, transaction);
            move.ExecuteNonQuery();
            Moved(db);
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (Due(eventData.Context) is { } db)
        {
            await using var move = Move(transaction.Connection!, transaction);
            await move.ExecuteNonQueryAsync(cancellationToken);
            Moved(db);
        }

        return result;
    }

    // A transaction starts with nothing written; one rolled back wrote nothing that counts.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>The context whose transaction wrote what pages show, when it is about to commit.</summary>
    private static PolicyDbContext? Due(DbContext? context) => context is PolicyDbContext { DataChangePending: true } db ? db : null;

    private static void Forget(DbContext? context)
    {
        if (context is PolicyDbContext db)
        {
            db.DataChangePending = false;
        }
    }

    /// <summary>After the version moved: the context's next read must see the new one.</summary>
    private static void Moved(PolicyDbContext db)
    {
        db.DataChangePending = false;
        db.DataVersionRead = null;
    }

    /// <summary>
    /// Whether the command wrote what pages show; if so, in a transaction the context is marked, and outside one the
    /// version is moved now (a null result means nothing is left to do). Migrations are passed over: they run before the
    /// app serves, and the counter's own migration runs before its table exists.
    /// </summary>
    private static PolicyDbContext? Written(DbCommand command, CommandExecutedEventData eventData)
    {
        if (eventData.Context is not PolicyDbContext db || eventData.CommandSource == CommandSource.Migrations
            || !DataVersion.Writes(db.Model, command.CommandText))
        {
            return null;
        }

        if (command.Transaction is not null)
        {
            db.DataChangePending = true;
            return null;
        }

        return db;
    }

    private static T After<T>(DbCommand command, CommandExecutedEventData eventData, T result)
    {
        if (Written(command, eventData) is { } db)
        {
            using var move = Move(command.Connection!, null);
            move.ExecuteNonQuery();
            Moved(db);
        }

        return result;
    }

    private static async ValueTask<T> AfterAsync<T>(DbCommand command, CommandExecutedEventData eventData, T result, CancellationToken ct)
    {
        if (Written(command, eventData) is { } db)
        {
            await using var move = Move(command.Connection!, null);
            await move.ExecuteNonQueryAsync(ct);
            Moved(db);
        }

        return result;
    }

    private static DbCommand Move(DbConnection connection, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = DataVersion.MoveSql;
        return command;
    }
}
