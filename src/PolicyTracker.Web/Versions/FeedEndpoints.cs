namespace PolicyTracker.Web.Versions;

/// <summary>The Atom feeds of changes: all of them, and one per subject.</summary>
public static class FeedEndpoints
{
    public static void MapChangeFeeds(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/feeds/changes.atom", AllAsync);
        routes.MapGet("/feeds/changes/{subject}.atom", SubjectAsync);
    }

    private static async Task<IResult> AllAsync(HttpContext context, ChangeQueries changes, TimeProvider time, CancellationToken ct) =>
        Feed(context, FeedInfo.All, await changes.LatestAsync(null, ct), time);

    private static async Task<IResult> SubjectAsync(string subject, HttpContext context, ChangeQueries changes, TimeProvider time, CancellationToken ct)
    {
        if (!await changes.IsKnownSubjectAsync(subject, ct))
        {
            return Results.NotFound();
        }

        var known = subject.Trim().ToLowerInvariant();
        return Feed(context, FeedInfo.For(known), await changes.LatestAsync(known, ct), time);
    }

    private static IResult Feed(HttpContext context, FeedInfo feed, IReadOnlyList<ChangeRow> entries, TimeProvider time)
    {
        var request = context.Request;
        var site = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return Results.Text(ChangeFeed.Write(feed, entries, site, time.GetUtcNow()), ChangeFeed.ContentType + "; charset=utf-8");
    }
}
