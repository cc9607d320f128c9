using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Operations;

namespace PolicyTracker.Web.Hosting;

/// <summary>
/// Keeps the rendered read pages (overview, claims, compare, contradictions) for visitors who are not signed in, so
/// a team reading the same lists costs one render per list until the data changes. Signed-in users are never served
/// from the cache (their pages carry their own forms and tokens); that is the output cache's default, kept here.
/// A cached page is used only while the data version it was rendered at is still current, so an ingest — in the app
/// or in a command beside it — or any editor's change shows at once. Only addresses that differ by what a page reads are
/// kept (<see cref="UnreadQueryNotCached"/>).
/// </summary>
public static class ReadPageCache
{
    public const string PolicyName = "ReadPages";

    /// <summary>
    /// The most the kept pages may hold together (the cache's default is 100 MB). At 100,000 claims a Providers page is
    /// 527 KB and a Claims page about 50 KB, so this still keeps dozens of matrices or hundreds of lists; past it the cache
    /// drops the pages used least lately to make room. A full cache of the default size was a fifth of the server's
    /// 500 MB memory target on its own, and pages kept at an older data version are never served again anyway.
    /// </summary>
    public const long SizeLimit = 32 * 1024 * 1024;

    public static void Add(IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            options.SizeLimit = SizeLimit;
            options.AddPolicy(PolicyName, policy => policy
                .Expire(TimeSpan.FromMinutes(10))
                .SetVaryByQuery("*")
                .VaryByValue(async (context, ct) => new KeyValuePair<string, string>("data", await DataVersionAsync(context, ct)))
                .AddPolicy<UnreadQueryNotCached>()
                .AddPolicy<PageCacheCounting>());
        });

    /// <summary>
    /// The data version a cached page must match. A signed-in user's page is never looked up or stored, so asking the
    /// database on their requests would be a round trip for nothing. The read is kept on the request's context, so the
    /// page behind it (its comparison, its totals) reads no second version.
    /// </summary>
    private static async ValueTask<string> DataVersionAsync(HttpContext context, CancellationToken ct) =>
        context.User.Identity?.IsAuthenticated == true
            ? "signed-in"
            : (await DataVersion.ReadAsync(context.RequestServices.GetRequiredService<PolicyDbContext>(), ct)).ToString(CultureInfo.InvariantCulture);
}
