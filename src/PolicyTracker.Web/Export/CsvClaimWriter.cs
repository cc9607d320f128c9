using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Export;

/// <summary>
/// Writes the claims in scope as CSV in the app's CSV conventions (<see cref="CsvFormat"/>): a header row, then one
/// row per claim. Claims are streamed from the database straight to the output in source order, each source's claims
/// in text order (the order of an index, so nothing is sorted), a row at a time through a buffered writer, so an
/// export of any size holds only a few rows in memory.
/// </summary>
public sealed class CsvClaimWriter(PolicyDbContext db)
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "source", "sourceTitle", "sourceKind", "subject", "topic", "scope", "value", "status", "quote", "start", "end",
        "reviewNote", "reviewedBy", "reviewedAt",
    ];

    public async Task WriteAsync(ReportFilter filter, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await using var csv = await CsvFormat.StartAsync(writer, Columns);

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
            csv.WriteField(c.Id);
            csv.WriteField(c.FileName);
            csv.WriteField(c.Title);
            csv.WriteField(c.Kind.ToString());
            csv.WriteField(c.Subject);
            csv.WriteField(c.Topic);
            csv.WriteField(c.Scope);
            csv.WriteField(c.Value);
            csv.WriteField(c.Status.ToString());
            csv.WriteField(c.Quote);
            csv.WriteField(c.Start);
            csv.WriteField(c.End);
            csv.WriteField(c.ReviewNote);
            csv.WriteField(c.ReviewedBy);
            csv.WriteField(c.ReviewedAt is { } at ? JsonExporter.Timestamp(at) : null);
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
        await writer.FlushAsync(ct);
    }
}
