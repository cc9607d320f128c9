using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Export;

/// <summary>
/// Writes the claims in scope as CSV (RFC 4180): a header row, one row per claim, CRLF line ends, every field that
/// holds a comma, quote, CR or LF quoted with its quotes doubled. Claims are streamed from the database straight to
/// the output in source order, each source's claims in text order (the order of an index, so nothing is sorted), and
/// written in small batches, so an export of any size holds only a batch in memory.
/// </summary>
public sealed class CsvClaimWriter(PolicyDbContext db)
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "source", "sourceTitle", "sourceKind", "subject", "topic", "scope", "value", "status", "quote", "start", "end",
        "reviewNote", "reviewedBy", "reviewedAt",
    ];

    private const int FlushEveryChars = 32 * 1024;

    public async Task WriteAsync(ReportFilter filter, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);

        var csv = Header(new StringBuilder(FlushEveryChars + 4096), Columns);

        var claims = filter.Apply(db.Claims.AsNoTracking(), db.Sources.AsNoTracking())
            .OrderBy(c => c.SourceId).ThenBy(c => c.Start).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Source!.FileName, c.Source.Title, c.Source.Kind, c.Subject, c.Topic, c.Scope, c.Value, c.Status, c.Quote,
                c.Start, c.End, c.ReviewNote, c.ReviewedBy, c.ReviewedAt,
            })
            .AsAsyncEnumerable();
        await foreach (var c in claims.WithCancellation(ct))
        {
            csv.Append(c.Id.ToString(CultureInfo.InvariantCulture)).Append(',');
            Field(csv, c.FileName).Append(',');
            Field(csv, c.Title).Append(',');
            Field(csv, c.Kind.ToString()).Append(',');
            Field(csv, c.Subject).Append(',');
            Field(csv, c.Topic).Append(',');
            Field(csv, c.Scope).Append(',');
            Field(csv, c.Value).Append(',');
            Field(csv, c.Status.ToString()).Append(',');
            Field(csv, c.Quote).Append(',');
            csv.Append(c.Start.ToString(CultureInfo.InvariantCulture)).Append(',');
            csv.Append(c.End.ToString(CultureInfo.InvariantCulture)).Append(',');
            Field(csv, c.ReviewNote).Append(',');
            Field(csv, c.ReviewedBy).Append(',');
            Field(csv, c.ReviewedAt is { } at ? JsonExporter.Timestamp(at) : null).Append("\r\n");
            if (csv.Length >= FlushEveryChars)
            {
                await writer.WriteAsync(csv, ct);
                csv.Clear();
            }
        }

        await writer.WriteAsync(csv, ct);
        await writer.FlushAsync(ct);
    }

    /// <summary>
    /// Starts a CSV: a byte order mark, because spreadsheet programs (Excel above all) take a CSV without one for the
    /// local ANSI code page and garble every quote with curly quotes, dashes or accents; with it they read UTF-8. Then
    /// the header row.
    /// </summary>
    internal static StringBuilder Header(StringBuilder csv, IEnumerable<string> columns) =>
        csv.Append('\uFEFF').AppendJoin(',', columns).Append("\r\n");

    /// <summary>
    /// Appends one text field. A field a spreadsheet would run as a formula (starting with = + - @, a tab or a CR)
    /// gets a leading apostrophe, which spreadsheets show as text and hide: a quote such as "=HYPERLINK(...)" from an
    /// untrusted source must never run on an analyst's machine. The apostrophe is the one change to the text; the JSON
    /// export keeps every quote exactly as written. Then RFC 4180: quoted when it holds a comma, quote, CR or LF.
    /// </summary>
    internal static StringBuilder Field(StringBuilder csv, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return csv;
        }

        var neutralised = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        if (neutralised.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return csv.Append(neutralised);
        }

        return csv.Append('"').Append(neutralised.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
