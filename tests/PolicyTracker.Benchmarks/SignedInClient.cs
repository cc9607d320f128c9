using System.Net;
using System.Text.RegularExpressions;
using PolicyTracker.Web.Cli;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Benchmarks;

/// <summary>
/// An editor signed in through the real sign-in form, for pages that are never served from the visitor cache. The
/// account is added with the <c>users</c> command (or already there from an earlier run on the same database).
/// </summary>
internal sealed partial class SignedInClient : IAsyncDisposable
{
    private const string Email = "bench-editor@example.org";

    private const string Password = "benchmark editor password";

    private readonly HttpClientHandler handler;

    private SignedInClient(Uri address, int clients)
    {
        handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = clients };
        Http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public HttpClient Http { get; }

    public static async Task<SignedInClient> StartAsync(Uri address, DatabaseOptions database, string work, int clients)
    {
        ArgumentNullException.ThrowIfNull(database);
        using (var input = new StringReader(Password))
        {
            // Fails harmlessly when the account exists from an earlier run.
            await CommandLine.RunAsync(
                ["users", "add", Email, "--role", "Editor", "--password-stdin",
                    $"--Database:Provider={database.Provider}", $"--ConnectionStrings:Default={database.ConnectionString}",
                    $"--Storage:DataDirectory={Path.Combine(work, "data")}"],
                input, TextWriter.Null, TextWriter.Null);
        }

        var client = new SignedInClient(address, clients);
        var form = await client.Http.GetStringAsync("/Account/SignIn");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        });
        using var signedIn = await client.Http.PostAsync("/Account/SignIn", content);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"signing in the benchmark editor answered {(int)signedIn.StatusCode}");
        }

        return client;
    }

    /// <summary>Reads <paramref name="url"/> and returns its Next link, or null on the last page (the caller starts over).</summary>
    public async Task<string?> FollowNextAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        var page = await response.Content.ReadAsStringAsync();
        return Next().Match(page) is { Success: true } next ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
    }

    public ValueTask DisposeAsync()
    {
        Http.Dispose();
        handler.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex Next();
}
