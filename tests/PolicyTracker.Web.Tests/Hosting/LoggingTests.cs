using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyTracker.Web.Hosting;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Hosting;

/// <summary>What the app writes to its log file, and how much of it.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task ClientDisconnect_MidRequest_LoggedAsInformationWithoutStackTrace()
    {
        // Arrange: a real server, and a PDF print that runs until it is stopped, so the request is surely under way.
        using var app = new LogApp(Environments.Development, new KeyValuePair<string, string>("Reports:ChromiumPath", "{browser}"));
        app.Factory.UseKestrel(0);
        app.Factory.StartServer();
        var address = app.Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var cancel = new CancellationTokenSource();
        var requested = DateTimeOffset.UtcNow;
        var request = client.GetAsync("/Export/Download?format=pdf", cancel.Token);
        await app.WaitUntilPrintingAsync();

        // Act: the client gives up and closes its connection.
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        // Assert
        var events = await app.WaitForLogAsync(e => e.Template.Contains("disconnected", StringComparison.Ordinal));
        var disconnect = Assert.Single(events, e => e.Template.Contains("disconnected", StringComparison.Ordinal));
        Assert.Equal("Information", disconnect.Level);
        Assert.False(disconnect.HasException);
        var logged = Assert.Single(events, e => e.SourceContext == "Serilog.AspNetCore.RequestLoggingMiddleware" && e.RequestPath == "/Export/Download");
        Assert.Equal((ClientDisconnects.ClientClosedRequest, "Information", false), (logged.StatusCode!.Value, logged.Level, logged.HasException));
        Assert.DoesNotContain(events, e => e.At >= requested && (e.Level is "Error" or "Fatal" || (e.Level == "Warning" && e.HasException)));
    }

    [Fact]
    public async Task LogFile_SizeAndCountLimits_AppliedAsConfigured()
    {
        // Arrange
        const int limit = 4096;
        using var app = new LogApp(Environments.Development, new("LogFile:FileSizeLimitBytes", limit.ToString()), new("LogFile:RetainedFileCount", "2"));
        using var client = app.Factory.CreateClient();

        // Act: far more than two files' worth.
        for (var i = 0; i < 80; i++)
        {
            using var response = await client.GetAsync($"/Claims?page={i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Assert: two files kept, each at the limit (an event that starts below it is written whole), older ones gone.
        var files = Directory.GetFiles(app.LogDirectory).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        var longestEvent = files.SelectMany(LogApp.ReadLines).Max(l => l.Length + 1);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= limit + longestEvent, $"{f}: {new FileInfo(f).Length} bytes"));
        Assert.All(files, f => Assert.Matches(@"policytracker-\d{8}_\d{3}\.log$", f));
    }

    [Fact]
    public async Task Production_RequestsLogged_OneLineEachWithoutFrameworkChatter()
    {
        // Arrange
        using var app = new LogApp(Environments.Production);
        using var client = app.Factory.CreateClient();

        // Act
        foreach (var url in new[] { "/", "/Claims?q=chats", "/css/site.css", "/healthz", "/no/such/page" })
        {
            using var response = await client.GetAsync(url);
        }

        // Assert: pages and misses are logged once each at Information; the stylesheet and health checks are not.
        var events = await app.WaitForLogAsync(e => e.RequestPath == "/no/such/page");
        var requests = events.Where(e => e.SourceContext == "Serilog.AspNetCore.RequestLoggingMiddleware").ToList();
        Assert.Equal(["/", "/Claims", "/no/such/page"], requests.Select(e => e.RequestPath));
        Assert.All(requests, e => Assert.Equal("Information", e.Level));
        Assert.DoesNotContain(events, e => e.SourceContext?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true && e.Level is "Information" or "Debug" or "Verbose");
        Assert.DoesNotContain(events, e => e.SourceContext?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true && e.Level is "Information" or "Debug" or "Verbose");
    }

    /// <summary>One event of the log file (compact JSON: no level means Information).</summary>
    public sealed record LogEvent(DateTimeOffset At, string Level, string Template, string? SourceContext, string? RequestPath, int? StatusCode, bool HasException);

    private sealed class LogApp : TestApp
    {
        private readonly string environment;
        private readonly KeyValuePair<string, string>[] settings;

        public LogApp(string environment, params KeyValuePair<string, string>[] settings)
        {
            this.environment = environment;
            Browser = new FakeBrowser(Root);
            this.settings = [.. settings.Select(s => new KeyValuePair<string, string>(s.Key, s.Value.Replace("{browser}", Browser.Path, StringComparison.Ordinal)))];
        }

        public string LogDirectory => Path.Combine(DataDirectory, "logs");

        private FakeBrowser Browser { get; }

        protected override string EnvironmentName => environment;

        protected override IEnumerable<KeyValuePair<string, string>> Settings => settings;

        public static string[] ReadLines(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        public Task WaitUntilPrintingAsync() => Browser.WaitUntilPrintingAsync();

        /// <summary>Every event in the log once one matches <paramref name="until"/> (the sink writes as events come).</summary>
        public async Task<List<LogEvent>> WaitForLogAsync(Func<LogEvent, bool> until)
        {
            List<LogEvent> events = [];
            for (var i = 0; i < 150; i++)
            {
                events = Directory.Exists(LogDirectory)
                    ? [.. Directory.GetFiles(LogDirectory).Order(StringComparer.Ordinal).SelectMany(ReadLines).Select(Parse)]
                    : [];
                if (events.Any(until))
                {
                    // The request's own line follows the handler's; give it a moment to be written too.
                    await Task.Delay(200);
                    return [.. Directory.GetFiles(LogDirectory).Order(StringComparer.Ordinal).SelectMany(ReadLines).Select(Parse)];
                }

                await Task.Delay(100);
            }

            Assert.Fail("The awaited event was never logged:\n" + string.Join("\n", events));
            return events;
        }

        private static LogEvent Parse(string line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) ? value.ToString() : null;
            return new LogEvent(
                root.GetProperty("@t").GetDateTimeOffset(),
                Text("@l") ?? "Information",
                Text("@mt") ?? "",
                Text("SourceContext"),
                Text("RequestPath"),
                root.TryGetProperty("StatusCode", out var status) && status.ValueKind == JsonValueKind.Number ? status.GetInt32() : null,
                root.TryGetProperty("@x", out _));
        }
    }
}
