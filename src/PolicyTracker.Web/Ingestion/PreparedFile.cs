namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// A file on its way into the database (<see cref="SourceIngestor.PrepareAsync"/>): read and extracted, refused with
/// the reason, or found to have the bytes of a stored version. Prepared on any thread; stored by
/// <see cref="SourceIngestor.StoreAsync"/> in the run's order, which decides what it finally does.
/// </summary>
public sealed class PreparedFile
{
    internal PreparedFile(string shown, string fileName, IngestAs target, string sha256, byte[]? bytes)
    {
        Shown = shown;
        FileName = fileName;
        Target = target;
        Name = target.Source ?? fileName;
        Sha256 = sha256;
        Bytes = bytes;

        // A version without a date is observed when it is stored, not when its reading began: two ingests racing then
        // take their places in the order they commit.
        Observed = target.Observed is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
    }

    /// <summary>The file as the person named it: its path for the command, its name for an upload.</summary>
    public string Shown { get; }

    /// <summary>The file's own name.</summary>
    public string FileName { get; }

    /// <summary>The source it is a version of.</summary>
    public string Name { get; }

    /// <summary>Refused before anything stored was looked at (a bad source name, a file that could not be read): the
    /// refusal stands whatever the database holds.</summary>
    public bool Final { get; private init; }

    /// <summary>The answer known without storing anything: refused, or the same bytes as a stored version.</summary>
    public IngestOutcome? Answer => (IngestOutcome?)Refusal ?? Unchanged;

    internal IngestAs Target { get; }

    internal string Sha256 { get; }

    internal DateTimeOffset? Observed { get; }

    /// <summary>The bytes, until they are read.</summary>
    internal byte[]? Bytes { get; set; }

    internal IngestOutcome.Rejected? Refusal { get; set; }

    internal IngestOutcome.Unchanged? Unchanged { get; set; }

    internal Accepted? Accepted { get; set; }

    /// <summary>A file refused before it was prepared, such as one too big to read or one that could not be read.</summary>
    public static PreparedFile Refused(string shown, IngestOutcome.Rejected refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new PreparedFile(shown, refusal.FileName, IngestAs.FileName, string.Empty, null) { Refusal = refusal, Final = true };
    }
}
