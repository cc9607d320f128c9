using PolicyTracker.Core.Versions;

namespace PolicyTracker.Web.Data;

/// <summary>
/// A stored <see cref="ClaimChange"/>: how a source's claims on one subject, topic and scope differ between two
/// consecutive versions. A source's rows are rebuilt whenever a version of it arrives, so they always follow the
/// versions' current numbering.
/// </summary>
public sealed class SourceChange
{
    public long Id { get; set; }

    public long SourceId { get; set; }

    public Source? Source { get; set; }

    public required string Subject { get; set; }

    public required string Topic { get; set; }

    public required string Scope { get; set; }

    public ChangeKind Kind { get; set; }

    /// <summary>The older version, or null where there is none before it (never for a change).</summary>
    public int? FromVersion { get; set; }

    public int ToVersion { get; set; }

    public DateTimeOffset? FromObserved { get; set; }

    public DateTimeOffset ToObserved { get; set; }

    public string? FromValue { get; set; }

    public string? ToValue { get; set; }

    public string? FromQuote { get; set; }

    public string? ToQuote { get; set; }

    public int? FromStart { get; set; }

    public int? FromEnd { get; set; }

    public int? ToStart { get; set; }

    public int? ToEnd { get; set; }

    /// <summary>The row that stores <paramref name="change"/> for the source <paramref name="sourceId"/>.</summary>
    public static SourceChange From(long sourceId, ClaimChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new()
        {
            SourceId = sourceId,
            Subject = change.Subject,
            Topic = change.Topic,
            Scope = change.Scope,
            Kind = change.Kind,
            FromVersion = change.From?.Version,
            ToVersion = change.ToVersion,
            FromObserved = change.From?.Observed,
            ToObserved = change.ToObserved,
            FromValue = change.From?.Value,
            ToValue = change.To?.Value,
            FromQuote = change.From?.Quote,
            ToQuote = change.To?.Quote,
            FromStart = change.From?.Start,
            FromEnd = change.From?.End,
            ToStart = change.To?.Start,
            ToEnd = change.To?.End,
        };
    }

    /// <summary>The change this row stores, under the source's name.</summary>
    public ClaimChange ToChange(string sourceName) => new(
        sourceName,
        Subject,
        Topic,
        Scope,
        FromValue is null ? null : new ChangeSide(FromVersion ?? 0, FromObserved ?? ToObserved, FromValue, FromQuote ?? "", FromStart ?? 0, FromEnd ?? 0),
        ToValue is null ? null : new ChangeSide(ToVersion, ToObserved, ToValue, ToQuote ?? "", ToStart ?? 0, ToEnd ?? 0),
        ToVersion,
        ToObserved);
}
