using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on a loopback address and a random port, serving what a test sets per path and counting
/// every request it receives, so a test can prove a request was made, repeated or never sent.
/// </summary>
public sealed class PageServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RequestDelegate> pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IHeaderDictionary> lastHeaders = new(StringComparer.Ordinal);
    private readonly WebApplication app;

    private PageServer(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request received, whatever its path.</summary>
    public int TotalRequests => counts.Values.Sum();

    public static async Task<PageServer> StartAsync(string address)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Parse(address), 0));
        var server = new PageServer(builder.Build());
        server.app.Run(server.HandleAsync);
        await server.app.StartAsync();
        var bound = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(bound);
        return server;
    }

    public string Url(string path) => new Uri(BaseAddress, path).AbsoluteUri;

    public int Requests(string path) => counts.GetValueOrDefault(path);

    public IHeaderDictionary? LastRequestHeaders(string path) => lastHeaders.GetValueOrDefault(path);

    public void Serve(string path, RequestDelegate page) => pages[path] = page;

    /// <summary>Serves <paramref name="body"/> with <paramref name="contentType"/>, and with an ETag honoured in conditional requests when given.</summary>
    public void ServeText(string path, string body, string contentType = "text/markdown; charset=utf-8", string? etag = null) =>
        Serve(path, async context =>
        {
            if (etag is not null)
            {
                if (context.Request.Headers.IfNoneMatch == etag)
                {
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }

                context.Response.Headers.ETag = etag;
            }

            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });

    public void Redirect(string path, string location) => Serve(path, context =>
    {
        context.Response.Redirect(location);
        return Task.CompletedTask;
    });

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        counts.AddOrUpdate(path, 1, (_, n) => n + 1);

        // Kestrel reuses a request's headers once it is answered, so a copy is kept.
        lastHeaders[path] = new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
        if (pages.TryGetValue(path, out var page))
        {
            await page(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
