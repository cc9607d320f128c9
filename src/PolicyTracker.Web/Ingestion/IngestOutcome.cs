namespace PolicyTracker.Web.Ingestion;

/// <summary>What one ingest did to the database; exactly one of the four cases.</summary>
public abstract record IngestOutcome(string FileName)
{
    /// <summary>A new source was stored, with <paramref name="ClaimCount"/> claims, <paramref name="SuggestionCount"/> of them suggestions.</summary>
    public sealed record Added(string FileName, long SourceId, int ClaimCount, int SuggestionCount = 0) : IngestOutcome(FileName);

    /// <summary>New bytes replaced a source of the same name, its text and all its claims (<paramref name="SuggestionCount"/> of them suggestions).</summary>
    public sealed record Replaced(string FileName, long SourceId, int Version, int ClaimCount, int SuggestionCount = 0) : IngestOutcome(FileName);

    /// <summary>"12 claims", or "12 claims, 3 of them suggestions for editors".</summary>
    public static string Claims(int claims, int suggestions) =>
        suggestions == 0 ? $"{claims} claims" : $"{claims} claims, {suggestions} of them suggestions for editors";

    /// <summary>The bytes were the ones already stored; nothing changed.</summary>
    public sealed record Unchanged(string FileName, long SourceId, int Version) : IngestOutcome(FileName);

    /// <summary>The file was refused and the database left as it was.</summary>
    public sealed record Rejected(string FileName, string Reason) : IngestOutcome(FileName);
}
