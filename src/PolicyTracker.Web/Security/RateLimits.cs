using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PolicyTracker.Web.Security;

/// <summary>
/// ASP.NET Core's rate limiter on what a stranger could use to guess passwords or tie up the server: sign-in (per
/// client address and per account), exports (PDF apart, and a cap on PDFs printing at once), full-text search and
/// uploads of source files.
/// An endpoint names its policy with <see cref="EnableRateLimitingAttribute"/>; a refused request gets 429 with
/// <c>Retry-After</c>. The limits are <see cref="RateLimitOptions"/>.
/// </summary>
public static class RateLimits
{
    /// <summary>The sign-in form's posts: counted per client address here and per account in the global chain.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Every export format; a PDF counts against its own, lower limit.</summary>
    public const string Export = "export";

    /// <summary>Lists that take a full-text query; only requests with a query count.</summary>
    public const string Search = "search";

    /// <summary>
    /// The Sources page's posts: uploads, and addresses added to watch (each fetched at once), counted apart.
    /// Reading the page is not counted.
    /// </summary>
    public const string Upload = "upload";

    /// <summary>The handler that adds an address to watch, on the page whose policy is <see cref="Upload"/>.</summary>
    public const string WatchHandler = "Watch";

    /// <summary>The sign-in form's email field, which names the account a sign-in counts against.</summary>
    public const string SignInEmailField = "Input.Email";

    /// <summary>
    /// What <c>Retry-After</c> says when the refusal was for PDFs printing at once, which has no window to wait for:
    /// about as long as a typical print takes.
    /// </summary>
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(10);

    public static void Add(IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>>((options, limits) => Configure(options, limits.Value));
    }

    /// <summary>After routing, so each request's endpoint and so its policy is known.</summary>
    public static void Use(IApplicationBuilder app)
    {
        // The per-account limit needs the email address from the posted form, and a limiter's partition is chosen
        // synchronously; reading the form here first (it is buffered, so model binding reads it again) keeps that free of I/O.
        app.Use(async (context, next) =>
        {
            if (PolicyOf(context) == SignIn && HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    // A malformed form names no account; the per-client limit still counts it and the page refuses it.
                }
            }

            await next(context);
        });
        app.UseRateLimiter();
    }

    private static void Configure(RateLimiterOptions options, RateLimitOptions limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = OnRejectedAsync;

        options.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
            ? Window("sign-in client " + ClientOf(context), limits.SignInsPerClient, limits)
            : RateLimitPartition.GetNoLimiter(""));
        options.AddPolicy(Export, context => IsPdf(context)
            ? Window("pdf client " + ClientOf(context), limits.PdfExportsPerClient, limits)
            : Window("export client " + ClientOf(context), limits.ExportsPerClient, limits));
        options.AddPolicy(Search, context => !string.IsNullOrWhiteSpace(context.Request.Query["q"])
            ? Window("search client " + ClientOf(context), limits.SearchesPerClient, limits)
            : RateLimitPartition.GetNoLimiter(""));
        options.AddPolicy(Upload, context => !HttpMethods.IsPost(context.Request.Method) ? RateLimitPartition.GetNoLimiter("")
            : string.Equals(context.Request.Query["handler"], WatchHandler, StringComparison.OrdinalIgnoreCase)
                ? Window("watch client " + ClientOf(context), limits.WatchesPerClient, limits)
                : Window("upload client " + ClientOf(context), limits.UploadsPerClient, limits));

        // An endpoint has one policy, so the limits that span clients (one account from many addresses, all PDFs at
        // once) are the global limiter's; each applies only to the requests of its policy.
        var perAccount = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            PolicyOf(context) == SignIn && HttpMethods.IsPost(context.Request.Method) && AccountOf(context) is { } account
                ? Window("sign-in account " + account, limits.SignInsPerAccount, limits)
                : RateLimitPartition.GetNoLimiter(""));
        var pdfAtOnce = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            PolicyOf(context) == Export && IsPdf(context)
                ? RateLimitPartition.GetConcurrencyLimiter("pdf at once", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limits.PdfExportsAtOnce,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
        options.GlobalLimiter = PartitionedRateLimiter.CreateChained(perAccount, pdfAtOnce);
    }

    private static RateLimitPartition<string> Window(string key, int permits, RateLimitOptions limits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = limits.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : BusyRetryAfter;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        return new ValueTask(response.WriteAsync($"Too many requests: try again in {seconds} s.", ct));
    }

    private static string? PolicyOf(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;

    private static bool IsPdf(HttpContext context) =>
        string.Equals(context.Request.Query["format"], "pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>The account a sign-in names, as Identity compares names: trimmed, case ignored. Null before the form is read.</summary>
    private static string? AccountOf(HttpContext context)
    {
        var form = context.Features.Get<IFormFeature>() is { HasFormContentType: true } feature ? feature.Form : null;
        var email = form?[SignInEmailField].ToString().Trim();
        return string.IsNullOrEmpty(email) ? null : email[..Math.Min(email.Length, 256)].ToUpperInvariant();
    }

    /// <summary>
    /// The client's address as the limits count it. An IPv6 host usually holds a whole /64, so it counts as one client;
    /// behind a reverse proxy this is the proxy's address unless forwarded headers are enabled (see the README).
    /// </summary>
    internal static string ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
