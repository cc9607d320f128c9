using PolicyTracker.Core.Text;

namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// What one ingest did to the database; exactly one of the four cases. <see cref="Line"/> is the one wording of it,
/// for the command line and the upload page alike.
/// </summary>
public abstract record IngestOutcome(string FileName)
{
    /// <summary>The line that reports the outcome, such as "added policy.md: 12 claims".</summary>
    public abstract string Line { get; }

    /// <summary>The file is in the database: stored now or already.</summary>
    public virtual bool Stored => true;

    /// <summary>"12 claims", or "12 claims, 3 of them suggestions for editors".</summary>
    public static string Claims(int claims, int suggestions) =>
        (claims == 1 ? "1 claim" : $"{claims} claims")
        + suggestions switch
        {
            0 => "",
            1 when claims == 1 => ", a suggestion for editors",
            1 => ", 1 of them a suggestion for editors",
            _ => $", {suggestions} of them suggestions for editors",
        };

    /// <summary>Why a text has no claims or few: the reason a version's line and its source's page give.</summary>
    public const string EnglishOnly = "claims are read from English text only";

    /// <summary>
    /// What a line adds for a version whose text is mostly in a language the extractor does not read: else its
    /// "0 claims" would read as a policy that says nothing. Nothing for a text in English.
    /// </summary>
    public static string Unread(UnreadLanguage? language) =>
        language is null ? "" : $" — its text is mostly {language.Name}; {EnglishOnly}";

    /// <summary>A new source was stored, with <paramref name="ClaimCount"/> claims, <paramref name="SuggestionCount"/> of them suggestions.</summary>
    /// <param name="Language">What its text is mostly in, when the extractor does not read it.</param>
    public sealed record Added(string FileName, long SourceId, int ClaimCount, int SuggestionCount = 0, UnreadLanguage? Language = null)
        : IngestOutcome(FileName)
    {
        public override string Line => $"added {FileName}: {Claims(ClaimCount, SuggestionCount)}{Unread(Language)}";
    }

    /// <summary>
    /// New bytes became a version of an existing source: its newest, which is now what the source says, or an older one
    /// that arrived late and only adds to its history. Every earlier version stays.
    /// </summary>
    /// <param name="Version">The new version's number, in date order.</param>
    /// <param name="Versions">How many versions the source has now.</param>
    /// <param name="Changes">The typed changes the new version makes or splits, against its neighbours.</param>
    /// <param name="Language">What its text is mostly in, when the extractor does not read it.</param>
    public sealed record NewVersion(
        string FileName, long SourceId, int Version, int Versions, int ClaimCount, int SuggestionCount, int Changes,
        UnreadLanguage? Language = null) : IngestOutcome(FileName)
    {
        public bool IsCurrent => Version == Versions;

        public override string Line =>
            $"new version of {FileName}: version {Version} of {Versions}{(IsCurrent ? "" : ", older than the current one")}, "
            + $"{Claims(ClaimCount, SuggestionCount)}, {(Changes == 1 ? "1 change" : $"{Changes} changes")} in its history{Unread(Language)}";
    }

    /// <summary>The bytes were those of the version they would follow or precede; nothing changed.</summary>
    public sealed record Unchanged(string FileName, long SourceId, int Version) : IngestOutcome(FileName)
    {
        public override string Line => $"unchanged {FileName}: same bytes as version {Version}";
    }

    /// <summary>The file was refused and the database left as it was.</summary>
    public sealed record Rejected(string FileName, string Reason) : IngestOutcome(FileName)
    {
        public override string Line => $"refused {FileName}: {Reason}";

        public override bool Stored => false;

        /// <summary>What a stranger is told when storing failed on the server; the log has the details.</summary>
        public const string ServerError = "it could not be stored: an error on the server, written to its log";

        /// <summary>The one wording of a file over the size limit, wherever its size is found out.</summary>
        public static string TooBig(long bytes, long limit) => $"file too big: {bytes} bytes, the limit is {limit}";
    }
}
