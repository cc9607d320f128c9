namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// Which source a file is a version of, and when that version was observed. Without a source the file name is the
/// source's name; without a date the version was observed when it is ingested.
/// </summary>
/// <param name="By">
/// The signed-in account that uploaded the file: each version it stores gets an entry in the audit history under that
/// name, so an editor's ingests are attributable. Null for the command and the seeds, run by whoever runs the server.
/// </param>
public sealed record IngestAs(string? Source = null, DateOnly? Observed = null, string? By = null)
{
    public static readonly IngestAs FileName = new();

    /// <summary>The longest source name, as for a file name.</summary>
    public const int MaxSourceLength = 260;

    /// <summary>Why <paramref name="name"/> cannot name a source, or null when it can.</summary>
    public static string? CheckSource(string? name) => name switch
    {
        null => null,
        _ when string.IsNullOrWhiteSpace(name) => "the source name is empty",
        _ when name.Length > MaxSourceLength => $"the source name is longer than {MaxSourceLength} characters",
        _ when name.Any(char.IsControl) => "the source name holds a control character",
        _ when name != name.Trim() => "the source name starts or ends with a space",
        _ => null,
    };
}
