using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PolicyTracker.Web.Operations;

/// <summary>
/// Times every page and API answer into <see cref="AppMetrics"/>. It runs after routing, so the page is known, and
/// before the output cache, so a page served from the cache is timed as the reader waited for it.
/// </summary>
public static class PageTiming
{
    public static void Use(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (PageOf(context) is not { } page)
            {
                await next(context);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                context.RequestServices.GetRequiredService<AppMetrics>()
                    .PageAnswered(page, context.User.Identity?.IsAuthenticated == true, Stopwatch.GetElapsedTime(started));
            }
        });

    /// <summary>The page's path (<c>/Claims/Index</c>) or the API route (<c>/api/claims</c>); null for anything else.</summary>
    public static string? PageOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
        {
            return page.ViewEnginePath;
        }

        return endpoint is RouteEndpoint { RoutePattern.RawText: { } route } && route.StartsWith("/api/", StringComparison.Ordinal)
            ? route
            : null;
    }
}
