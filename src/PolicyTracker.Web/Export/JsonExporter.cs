using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Export;

/// <summary>
/// Writes the sources, claims, suggestions waiting, contradictions, corroborations and changes over time a <see cref="ReportFilter"/> covers (everything when
/// it is empty) as one JSON object. Claims are streamed from the database straight to the output so an export never
/// holds all quotes in memory at once.
/// </summary>
public sealed class JsonExporter(PolicyDbContext db, ContradictionQueries comparisons, TimeProvider time)
{
    private const int FlushEveryBytes = 64 * 1024;

    // Quotes come from untrusted sources, and a JSON file ends up pasted into a page sooner or later: the default
    // encoder writes <, >, & and quotes as \u escapes (and non-ASCII too), which every JSON reader turns back into the
    // same text, so the output can never close a <script> element it is embedded in.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.Default };

    // The API's own shapes, so a resource reads the same in an export as from /api: camel case, nulls written.
    private static readonly JsonSerializerOptions ShapeOptions = new(JsonSerializerDefaults.Web);

    public Task ExportAsync(Stream output, CancellationToken ct) => ExportAsync(ReportFilter.All, output, ct);

    public async Task ExportAsync(ReportFilter filter, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        await using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteString("generatedAt", Timestamp(time.GetUtcNow()));

        // Only a narrowed export says what narrowed it, so a whole export keeps exactly the documented shape.
        if (!filter.IsEmpty)
        {
            json.WriteStartObject("filter");
            WriteArray(json, "subjects", filter.Subjects);
            WriteArray(json, "topics", filter.Topics);
            WriteArray(json, "statuses", [.. filter.Statuses.Select(s => s.ToString())]);
            WriteArray(json, "kinds", [.. filter.Kinds.Select(k => k.ToString())]);
            json.WriteEndObject();
        }

        var inScope = filter.Apply(db.Claims.AsNoTracking(), db.Sources.AsNoTracking());
        var quoted = db.Sources.AsNoTracking();
        if (!filter.IsEmpty)
        {
            // A narrowed export lists the sources its claims come from.
            quoted = quoted.Where(s => inScope.Any(c => c.SourceId == s.Id));
        }

        json.WriteStartArray("sources");
        var sources = quoted
            .OrderBy(s => s.FileName)
            .Select(s => new { s.Id, s.FileName, s.Title, s.Format, s.Kind, s.Sha256, s.Version, s.IngestedAt })
            .AsAsyncEnumerable();
        await foreach (var s in sources.WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteNumber("id", s.Id);
            json.WriteString("fileName", s.FileName);
            json.WriteString("title", s.Title);
            json.WriteString("format", s.Format.ToString());
            json.WriteString("kind", s.Kind.ToString());
            json.WriteString("sha256", s.Sha256);
            json.WriteNumber("version", s.Version);
            json.WriteString("ingestedAt", Timestamp(s.IngestedAt));
            json.WriteEndObject();
            await FlushIfFullAsync(json, ct);
        }

        json.WriteEndArray();

        json.WriteStartArray("claims");
        await WriteClaimsAsync(json, inScope, ct);
        json.WriteEndArray();

        // Suggestions waiting for an editor, never among the claims: they are not compared until accepted.
        json.WriteStartArray("suggestions");
        var suggestions = filter.Apply(
            db.Claims.IgnoreQueryFilters().AsNoTracking().Where(c => c.Suggestion == SuggestionState.Pending), db.Sources.AsNoTracking());
        await WriteClaimsAsync(json, suggestions, ct);
        json.WriteEndArray();

        var comparison = await comparisons.CompareAsync(filter, ct);
        json.WriteStartArray("contradictions");
        foreach (var finding in comparison.Contradictions)
        {
            WriteShape(json, Api.ContradictionJson.Of(finding));
        }

        json.WriteEndArray();

        json.WriteStartArray("corroborations");
        foreach (var finding in comparison.Corroborations)
        {
            json.WriteStartObject();
            json.WriteString("subject", finding.Subject);
            json.WriteString("topic", finding.Topic);

            // A corroboration is claims agreeing on one value, so Values holds exactly that value.
            json.WriteString("value", finding.Values[0]);
            WriteArray(json, "claimIds", finding.ClaimIds);
            WriteArray(json, "sources", finding.Sources);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        // Changes between versions of a source, newest first, in the shape CLAIMS.md gives ("Versions and changes").
        json.WriteStartArray("changes");
        foreach (var change in comparison.Changes)
        {
            WriteShape(json, Api.ChangeJson.Of(change));
            await FlushIfFullAsync(json, ct);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }


    /// <summary>
    /// Writes a resource in its API shape. Through an element, as serializing straight into the writer would flush it
    /// synchronously, which the server refuses; the writer is flushed asynchronously as it fills.
    /// </summary>
    private static void WriteShape<T>(Utf8JsonWriter json, T shape) => JsonSerializer.SerializeToElement(shape, ShapeOptions).WriteTo(json);

    /// <summary>Claims in the shape of <see cref="Api.ClaimJson"/>, in source and text order, streamed as they are read.</summary>
    private static async Task WriteClaimsAsync(Utf8JsonWriter json, IQueryable<Claim> claims, CancellationToken ct)
    {
        var rows = claims
            .OrderBy(c => c.Source!.FileName).ThenBy(c => c.Start).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, Source = c.Source!.FileName, c.Subject, c.Topic, c.Scope, c.Value, c.Quote, c.Start, c.End, c.Status,
                c.Confidence, c.Cues, c.Suggestion,
            })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteNumber("id", c.Id);
            json.WriteString("source", c.Source);
            json.WriteString("subject", c.Subject);
            json.WriteString("topic", c.Topic);
            json.WriteString("scope", c.Scope);
            json.WriteString("value", c.Value);
            json.WriteString("quote", c.Quote);
            json.WriteNumber("start", c.Start);
            json.WriteNumber("end", c.End);
            json.WriteString("status", c.Status.ToString());
            json.WriteNumber("confidence", c.Confidence);
            json.WriteStartArray("cues");
            foreach (var cue in StoredCue.Parse(c.Cues))
            {
                json.WriteStartObject();
                json.WriteString("kind", cue.Kind);
                json.WriteString("text", cue.Text);
                WriteNullableNumber(json, "start", cue.Start);
                WriteNullableNumber(json, "end", cue.End);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("suggestion", c.Suggestion.ToString());
            json.WriteEndObject();
            await FlushIfFullAsync(json, ct);
        }
    }

    private static void WriteNullableNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    internal static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<long> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static async Task FlushIfFullAsync(Utf8JsonWriter json, CancellationToken ct)
    {
        if (json.BytesPending >= FlushEveryBytes)
        {
            await json.FlushAsync(ct);
        }
    }
}
