namespace PolicyTracker.Web.Hosting;

/// <summary>
/// The headers every response carries, whatever answered it: a page, the API, an export, a static file, an error or
/// a refusal. The pages run no script and load nothing from elsewhere, so their policy allows only the app's own
/// stylesheet, images and forms. A response that states its own policy (the HTML report, whose stylesheet is inline)
/// keeps it.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>No page of the app may be framed, by another site or by itself: clickjacking needs a frame.</summary>
    public const string FrameAncestors = "frame-ancestors 'none'";

    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; " + FrameAncestors;

    /// <summary>Links to other sites say nothing about which page they were followed from; links within the app do.</summary>
    public const string ReferrerPolicy = "same-origin";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set as the response starts, so what the endpoint set (its own policy) is known and a redirect, a 404
            // or a 429 gets the headers too.
            context.Response.OnStarting(
                static state =>
                {
                    Apply(((HttpContext)state).Response.Headers);
                    return Task.CompletedTask;
                },
                context);
            return next(context);
        });

    private static void Apply(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = ReferrerPolicy;
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
    }
}
