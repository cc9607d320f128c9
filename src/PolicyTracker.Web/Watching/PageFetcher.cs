using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Watching;

/// <summary>
/// Fetches one address for ingesting: through the guarded, resilient client, following at most
/// <see cref="FetchOptions.MaxRedirects"/> redirects (each checked), conditionally, within the time limit and the
/// ingest size limit, and only pages in a format the app reads. Never throws for what a server does.
/// </summary>
public sealed class PageFetcher(IHttpClientFactory clients, IOptions<FetchOptions> options, IOptions<IngestOptions> ingest)
{
    public const string ClientName = "fetch";

    /// <summary>Registers the named client: the guarded handler, retries for transient failures and a time-out per attempt.</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<FetchOptions>()
            .BindConfiguration(FetchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(ClientName, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd(FetchOptions.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd(PageContentTypes.Accept);

                // The fetch's own deadline covers every attempt, redirect and the body; this one would only cut it short.
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(provider => GuardedConnector.CreateHandler(provider.GetRequiredService<IOptions<FetchOptions>>().Value))
            .AddResilienceHandler("fetch", (pipeline, context) =>
            {
                var fetch = context.ServiceProvider.GetRequiredService<IOptions<FetchOptions>>().Value;
                if (fetch.Retries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = fetch.Retries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromSeconds(1),
                        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                    });
                }

                pipeline.AddTimeout(fetch.Timeout);
            });
    }

    /// <summary>A refusal by the guard is final: asking again would be refused again.</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        RefusalIn(outcome.Exception) is null && HttpClientResiliencePredicates.IsTransient(outcome);

    public async Task<FetchedPage> FetchAsync(Uri url, PageValidators validators, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(validators);
        var fetch = options.Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(fetch.Timeout);
        try
        {
            return await FollowAsync(url, validators, deadline.Token);
        }
        catch (Exception ex) when (RefusalIn(ex) is { } refusal)
        {
            return new FetchedPage.Failed($"refused: {refusal.Message}");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is OperationCanceledException or TimeoutRejectedException)
        {
            return new FetchedPage.Failed(string.Create(CultureInfo.InvariantCulture, $"no complete answer within {fetch.TimeoutSeconds} s (Fetch:TimeoutSeconds)"));
        }
        catch (HttpRequestException ex)
        {
            return new FetchedPage.Failed(ex.Message);
        }
    }

    private async Task<FetchedPage> FollowAsync(Uri url, PageValidators validators, CancellationToken ct)
    {
        var client = clients.CreateClient(ClientName);
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            if (WatchUrl.Problem(current) is { } problem)
            {
                return new FetchedPage.Failed(redirects == 0 ? $"refused: {problem}" : $"refused: redirected to {current}: {problem}");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            if (validators.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }

            if (validators.LastModified is { } modified && DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
            {
                request.Headers.IfModifiedSince = since;
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (IsRedirect(response.StatusCode))
            {
                if (response.Headers.Location is not { } location)
                {
                    return new FetchedPage.Failed($"HTTP {(int)response.StatusCode} without a Location to follow");
                }

                if (redirects == FetchOptions.MaxRedirects)
                {
                    return new FetchedPage.Failed($"more than {FetchOptions.MaxRedirects} redirects");
                }

                current = new Uri(current, location);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FetchedPage.NotModified();
            }

            if (!response.IsSuccessStatusCode)
            {
                return new FetchedPage.Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd());
            }

            return await ReadPageAsync(current, response, ct);
        }
    }

    private async Task<FetchedPage> ReadPageAsync(Uri url, HttpResponseMessage response, CancellationToken ct)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (PageContentTypes.ExtensionFor(mediaType) is not { } extension)
        {
            return new FetchedPage.Failed(mediaType is null
                ? "the answer has no content type; only HTML, Markdown and plain text are read"
                : $"content type '{mediaType}' is not HTML, Markdown or plain text");
        }

        // The ingest limit, checked on the announced length first and then while reading, so an oversized page is
        // never held in memory whatever its headers say.
        var limit = ingest.Value.MaxFileBytes;
        if (response.Content.Headers.ContentLength is { } announced && announced > limit)
        {
            return TooBig(announced, limit);
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return TooBig(buffer.Length + read, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return new FetchedPage.Page(
            PageContentTypes.FileName(url, extension),
            buffer.ToArray(),
            response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture));
    }

    private static FetchedPage.Failed TooBig(long bytes, long limit) => new(IngestOutcome.Rejected.TooBig(bytes, limit));

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static FetchRefusedException? RefusalIn(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is FetchRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
