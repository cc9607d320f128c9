using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Querying;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Versions;

namespace PolicyTracker.Web.Api;

/// <summary>
/// Read-only JSON for other tools. Sources, claims and contradictions have the shapes of the JSON export;
/// <c>/api/claims</c> takes the Claims page's query string and answers one page; a page past the last is empty, so a
/// program reading page after page stops there.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>
    /// Quotes are untrusted text, and API answers get pasted into pages: ASP.NET Core's JSON leaves &lt;, &gt; and
    /// &amp; as they are, so the API uses the default encoder instead, as the exports do, and no answer can close a
    /// script element it is embedded in.
    /// </summary>
    public static void AddApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.Default);

    public static void MapApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");
        api.MapGet("/claims", SearchClaimsAsync).RequireRateLimiting(RateLimits.Search)
            .WithSummary("One page of claims, filtered and sorted as the Claims page's query string says");
        api.MapGet("/claims/{id:long}", GetClaimAsync).WithSummary("One claim, or a suggestion with its state");
        api.MapGet("/contradictions", GetContradictionsAsync).WithSummary("Every subject and topic whose claims disagree");
        api.MapGet("/changes", GetChangesAsync).WithSummary("Every change between versions of a source, newest first");
        api.MapGet("/sources", GetSourcesAsync).WithSummary("Every source, by file name");
        api.MapGet("/providers", GetProvidersAsync)
            .WithSummary("Providers against topics: the Providers page's matrix, with its filters (family, subject, kind, sort)");
    }

    private static async Task<Ok<ClaimsPageJson>> SearchClaimsAsync(
        [AsParameters] ClaimFilter filter, ClaimQueries claims, CancellationToken ct)
    {
        var page = await claims.SearchAsync(filter, PastTheEnd.Empty, ct);

        // The next page by keyset, so a program reading page after page neither skips nor repeats a claim added meanwhile.
        var next = page.Page < page.PageCount && page.LastId is { } last
            ? QueryHelpers.AddQueryString("/api/claims", filter.ToQuery(page.Page + 1, after: last).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)))
            : null;
        return TypedResults.Ok(new ClaimsPageJson(page.Page, page.PageSize, page.Total, page.PageCount, next, [.. page.Items.Select(ToJson)]));
    }

    private static async Task<Results<Ok<ClaimJson>, NotFound>> GetClaimAsync(long id, ClaimQueries claims, CancellationToken ct) =>
        await claims.FindAsync(id, ct) is { } claim ? TypedResults.Ok(ToJson(claim)) : TypedResults.NotFound();

    private static async Task<Ok<List<ContradictionJson>>> GetContradictionsAsync(ContradictionQueries comparisons, CancellationToken ct)
    {
        var comparison = await comparisons.CompareAsync(ct);
        return TypedResults.Ok(comparison.Contradictions.Select(ContradictionJson.Of).ToList());
    }

    private static async Task<Ok<List<ChangeJson>>> GetChangesAsync(ContradictionQueries comparisons, CancellationToken ct)
    {
        var comparison = await comparisons.CompareAsync(ct);
        return TypedResults.Ok(comparison.Changes.Select(ChangeJson.Of).ToList());
    }

    private static async Task<Results<Ok<ProviderMatrixJson>, ValidationProblem>> GetProvidersAsync(
        [AsParameters] MatrixRequest request, ProviderMatrixQueries matrices, CancellationToken ct)
    {
        if (!request.TryParse(out var query, out var kinds, out var error))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [error!] });
        }

        return TypedResults.Ok((await matrices.BuildAsync(query, kinds, ct)).AsDto());
    }

    private static async Task<Ok<List<SourceJson>>> GetSourcesAsync(PolicyDbContext db, CancellationToken ct)
    {
        var sources = await db.Sources.AsNoTracking()
            .OrderBy(s => s.FileName)
            .Select(s => new { s.Id, s.FileName, s.Title, s.Format, s.Kind, s.Sha256, s.Version, s.IngestedAt })
            .ToListAsync(ct);
        return TypedResults.Ok(sources
            .Select(s => new SourceJson(s.Id, s.FileName, s.Title, s.Format.ToString(), s.Kind.ToString(), s.Sha256, s.Version, JsonExporter.Timestamp(s.IngestedAt)))
            .ToList());
    }

    private static ClaimJson ToJson(ClaimRow c) =>
        new(c.Id, c.SourceFileName, c.Subject, c.Topic, c.Scope, c.Value, c.Quote, c.Start, c.End, c.Status.ToString(),
            c.Confidence, c.CueList, c.Suggestion.ToString());
}

/// <summary>A source as the JSON export writes it.</summary>
public sealed record SourceJson(long Id, string FileName, string? Title, string Format, string Kind, string Sha256, int Version, string IngestedAt);

/// <summary>
/// A claim as the JSON export writes it; a suggestion has the same shape. <paramref name="Suggestion"/> is <c>None</c>
/// for a claim the extractor was sure of, <c>Accepted</c> for an accepted suggestion, <c>Pending</c> or <c>Rejected</c>.
/// </summary>
public sealed record ClaimJson(
    long Id, string Source, string Subject, string Topic, string Scope, string Value, string Quote, int Start, int End, string Status,
    double Confidence, IReadOnlyList<StoredCue> Cues, string Suggestion);

/// <summary>A contradiction as the JSON export and <c>/api/contradictions</c> write it.</summary>
public sealed record ContradictionJson(
    string Subject, string Topic, IReadOnlyList<long> ClaimIds, IReadOnlyList<string> Values, IReadOnlyList<string> Sources, bool SelfContradiction)
{
    public static ContradictionJson Of(TopicFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(finding.Subject, finding.Topic, finding.Involved.ClaimIds, finding.Involved.Values, finding.Involved.Sources, finding.SelfContradiction);
    }
}

/// <summary>
/// A change between versions of a source as the JSON export and <c>/api/changes</c> write it: the shape of CLAIMS.md
/// ("Versions and changes"), plus the two version numbers. <c>From</c> is null for an added claim, <c>To</c> for a
/// removed one; dates are the days the versions were observed.
/// </summary>
public sealed record ChangeJson(
    string Subject, string Topic, string Scope, string Kind, string? From, string? To, string Source, string? FromDate, string ToDate,
    string? FromQuote, string? ToQuote, int? FromVersion, int ToVersion)
{
    public static ChangeJson Of(ClaimChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(
            change.Subject, change.Topic, change.Scope, ChangeWords.Kind(change.Kind), change.From?.Value, change.To?.Value, change.Source,
            change.From is { } older ? ChangeWords.Date(older.Observed) : null, ChangeWords.Date(change.ToObserved),
            change.From?.Quote, change.To?.Quote, change.From?.Version, change.ToVersion);
    }
}

/// <summary>One page of <c>/api/claims</c>; <c>next</c> is the link to the following page, null on the last.</summary>
public sealed record ClaimsPageJson(int Page, int PageSize, int Total, int PageCount, string? Next, IReadOnlyList<ClaimJson> Claims);
