namespace PolicyTracker.Web.Data;

/// <summary>
/// The one row that counts the commits which changed what pages show (<see cref="DataVersion"/>). Never tracked or
/// saved as an entity: it is moved by one statement in the committing transaction and read by one statement.
/// </summary>
public sealed class DataVersionRow
{
    /// <summary>The row's id; there is only ever <see cref="DataVersion.RowId"/>.</summary>
    public int Id { get; set; }

    public long Value { get; set; }
}
