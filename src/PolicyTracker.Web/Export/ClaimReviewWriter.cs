using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Export;

/// <summary>
/// Writes a schema.org <c>ClaimReview</c> for every claim in scope that an editor has given a verdict (any status but
/// Unreviewed), as JSON-LD. The output is one JSON-LD document, <c>{"@context": "https://schema.org", "@graph": [...]}</c>,
/// rather than a bare array: a single object is what JSON-LD processors, fact-check aggregators and a page's
/// <c>&lt;script type="application/ld+json"&gt;</c> all take as it is, the context is stated once instead of on every
/// review, and the graph can be streamed one review at a time.
/// </summary>
public sealed class ClaimReviewWriter(PolicyDbContext db, IOptions<ReportsOptions> options, TimeProvider time)
{
    private const int FlushEveryBytes = 64 * 1024;

    // Meant to be embedded in a page's <script type="application/ld+json">, and a quote or note may hold "</script>":
    // the default encoder writes <, > and & (and non-ASCII) as \u escapes, so the text cannot end the element early.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.Default };

    /// <summary>
    /// The rating scale: 5 true, 3 unproven, 1 false, the way fact-checkers map a verdict to numbers. "Not applicable"
    /// is no point on that scale, so it has a name and no number.
    /// </summary>
    public static (int? Value, string Name) Rating(ClaimStatus status) => status switch
    {
        ClaimStatus.Verified => (5, ReportText.Status(status)),
        ClaimStatus.Disputed => (3, ReportText.Status(status)),
        ClaimStatus.Contradicted => (1, ReportText.Status(status)),
        _ => (null, ReportText.Status(status)),
    };

    public async Task WriteAsync(ReportFilter filter, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        var organization = options.Value.Organization;
        var generatedAt = time.GetUtcNow();
        await using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteStartArray("@graph");

        var claims = filter.Apply(db.Claims.AsNoTracking(), db.Sources.AsNoTracking())
            .Where(c => c.Status != ClaimStatus.Unreviewed)
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Subject, c.Topic, c.Scope, c.Value, c.Quote, c.Status, c.ReviewNote, c.ReviewedAt,
                c.Source!.FileName, c.Source.Title, c.Source.Kind,
            })
            .AsAsyncEnumerable();
        await foreach (var c in claims.WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteString("@type", "ClaimReview");
            json.WriteString("@id", $"urn:policytracker:claim-review:{c.Id}");
            json.WriteString("claimReviewed", c.Quote);

            json.WriteStartObject("reviewRating");
            json.WriteString("@type", "Rating");
            var (value, name) = Rating(c.Status);
            if (value is { } rating)
            {
                json.WriteNumber("ratingValue", rating);
                json.WriteNumber("bestRating", 5);
                json.WriteNumber("worstRating", 1);
            }

            json.WriteString("alternateName", name);
            json.WriteEndObject();

            json.WriteStartObject("itemReviewed");
            json.WriteString("@type", "Claim");
            json.WriteString("name", $"{c.Subject} {c.Topic} ({c.Scope}): {c.Value}");

            // The statement is the subject's own only when it comes from the subject's own policy; an article's
            // claim about a provider was made by whoever wrote the article, who the source does not name.
            if (c.Kind == SourceKind.OfficialPolicy)
            {
                json.WriteStartObject("author");
                json.WriteString("@type", "Organization");
                json.WriteString("name", c.Subject);
                json.WriteEndObject();
            }

            json.WriteStartObject("appearance");
            json.WriteString("@type", "CreativeWork");
            json.WriteString("name", c.Title ?? c.FileName);

            // Sources are files, so the file name is what identifies where the claim appeared.
            json.WriteString("identifier", c.FileName);
            json.WriteString("genre", ReportText.Kind(c.Kind));
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("author");
            json.WriteString("@type", "Organization");
            json.WriteString("name", organization.Name);
            if (!string.IsNullOrWhiteSpace(organization.Url))
            {
                json.WriteString("url", organization.Url);
            }

            json.WriteEndObject();

            // A status saved before review dates were kept has none; the export's own date is the best that can be said.
            json.WriteString("datePublished", ReportText.Date(c.ReviewedAt ?? generatedAt));
            if (!string.IsNullOrWhiteSpace(c.ReviewNote))
            {
                json.WriteString("reviewBody", c.ReviewNote);
            }

            json.WriteEndObject();
            if (json.BytesPending >= FlushEveryBytes)
            {
                await json.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }
}
