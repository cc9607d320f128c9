using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyTracker.Benchmarks;

/// <summary>The smallest Kestrel app, one plain-text endpoint: the baseline the app's page throughput is a share of.</summary>
internal sealed class HelloWorld : IAsyncDisposable
{
    private readonly WebApplication app;

    private HelloWorld(WebApplication app, int port)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public HttpClient Client { get; }

    public static async Task<HelloWorld> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/", () => Results.Text("Hello, world!"));
        await app.StartAsync();
        return new HelloWorld(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}
