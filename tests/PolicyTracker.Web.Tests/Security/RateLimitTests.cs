using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyTracker.Web.Hosting;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Security;

/// <summary>
/// The app with limits of its own (every one generous unless a test lowers it), behind a "proxy": it takes the
/// client's address from <c>X-Forwarded-For</c>, as the README says to set up, so one test can be several clients.
/// </summary>
public class LimitedApp(params (string Name, int Value)[] limits) : TestApp
{
    public const string ClientHeader = "X-Forwarded-For";

    /// <summary>Whether the app trusts forwarded headers (ASPNETCORE_FORWARDEDHEADERS_ENABLED).</summary>
    public bool BehindProxy { get; init; } = true;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        // Long windows, so no window can end in the middle of a test and let a request through.
        new("RateLimits:WindowSeconds", "3600"),
        new("FORWARDEDHEADERS_ENABLED", BehindProxy ? "true" : "false"),
        .. limits.Select(l => new KeyValuePair<string, string>($"RateLimits:{l.Name}", l.Value.ToString())),
        .. ExtraSettings,
    ];

    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    /// <summary>A client at its own address.</summary>
    public FormClient Client(string address)
    {
        var client = Anonymous();
        client.Http.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }
}

/// <summary>Each limit answers 429 with Retry-After once reached, for that client (or account) only.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task SignIn_PerClient_RefusedWith429AndRetryAfterOtherClientsServed()
    {
        // Arrange
        using var app = new LimitedApp(("SignInsPerClient", 3));
        using var first = app.Client("203.0.113.1");
        using var second = app.Client("203.0.113.2");
        var page = await first.GetDocumentAsync("/Account/SignIn");

        // Act: each attempt names another account, so only the client's limit can be reached.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var attempt = await SignInAsync(first, page, $"guess{i}@example.org");
            statuses.Add(attempt.StatusCode);
            if (i == 3)
            {
                AssertRefused(attempt);
            }
        }

        using var pageAgain = await first.Http.GetAsync("/Account/SignIn");
        var otherPage = await second.GetDocumentAsync("/Account/SignIn");
        using var other = await SignInAsync(second, otherPage, "guess0@example.org");

        // Assert
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, pageAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task SignIn_ForwardedForNotTrusted_DifferentHeadersAreStillOneClient()
    {
        // Arrange: an app reached directly must not take a client's word for its address.
        using var app = new LimitedApp(("SignInsPerClient", 2)) { BehindProxy = false };
        var statuses = new List<HttpStatusCode>();

        // Act
        for (var i = 0; i < 3; i++)
        {
            using var client = app.Client($"203.0.113.{i + 1}");
            var page = await client.GetDocumentAsync("/Account/SignIn");
            using var attempt = await SignInAsync(client, page, $"guess{i}@example.org");
            statuses.Add(attempt.StatusCode);
        }

        // Assert
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task SignIn_PerAccount_RefusedFromAnyClientOtherAccountsServed()
    {
        // Arrange
        using var app = new LimitedApp(("SignInsPerAccount", 3));
        var email = await app.AddUserAsync(Roles.Editor);
        var statuses = new List<HttpStatusCode>();

        // Act: the same account from four addresses, in any letter case.
        for (var i = 0; i < 4; i++)
        {
            using var client = app.Client($"198.51.100.{i + 1}");
            var page = await client.GetDocumentAsync("/Account/SignIn");
            using var attempt = await SignInAsync(client, page, i % 2 == 0 ? email : " " + email.ToUpperInvariant());
            statuses.Add(attempt.StatusCode);
            if (i == 3)
            {
                AssertRefused(attempt);
            }
        }

        using var last = app.Client("198.51.100.4");
        var lastPage = await last.GetDocumentAsync("/Account/SignIn");
        using var otherAccount = await SignInAsync(last, lastPage, "someone-else@example.org");

        // Assert
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }

    [Fact]
    public async Task Exports_PerClient_RefusedWith429OtherClientsServed()
    {
        // Arrange
        using var app = new LimitedApp(("ExportsPerClient", 2));
        using var first = app.Client("203.0.113.1");
        using var second = app.Client("203.0.113.2");

        // Act
        using var csv = await first.Http.GetAsync("/Export/Download?format=csv");
        using var json = await first.Http.GetAsync("/Export/Download?format=json");
        using var markdown = await first.Http.GetAsync("/Export/Download?format=md");
        using var other = await second.Http.GetAsync("/Export/Download?format=md");

        // Assert
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        AssertRefused(markdown);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task PdfExport_PerClient_ItsOwnLowerLimit()
    {
        // Arrange: no Chromium, so each PDF is refused at once (503) but still counts.
        using var app = new PdfApp(PdfApp.Missing, ("PdfExportsPerClient", 2));
        using var client = app.Client("203.0.113.1");

        // Act
        using var first = await client.Http.GetAsync("/Export/Download?format=pdf");
        using var second = await client.Http.GetAsync("/Export/Download?format=pdf");
        using var third = await client.Http.GetAsync("/Export/Download?format=pdf");
        using var csv = await client.Http.GetAsync("/Export/Download?format=csv");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        AssertRefused(third);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
    }

    [Fact]
    public async Task PdfExport_MoreAtOnceThanAllowed_RefusedNotQueued()
    {
        // Arrange: a "browser" that waits until the test lets it finish, so the first print is surely in progress.
        using var app = new PdfApp(PdfApp.Slow, ("PdfExportsAtOnce", 1));
        using var first = app.Client("203.0.113.1");
        using var second = app.Client("203.0.113.2");
        var printing = first.Http.GetAsync("/Export/Download?format=pdf");
        await app.WaitUntilPrintingAsync();

        // Act
        using var refused = await second.Http.GetAsync("/Export/Download?format=pdf");
        app.FinishPrinting();
        using var done = await printing;
        using var afterwards = await second.Http.GetAsync("/Export/Download?format=pdf");

        // Assert
        AssertRefused(refused);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, done.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, afterwards.StatusCode);
    }

    [Fact]
    public async Task Search_PerClient_OnlySearchesCountAndOtherClientsServed()
    {
        // Arrange
        using var app = new LimitedApp(("SearchesPerClient", 2));
        using var first = app.Client("2001:db8:1:2::1");
        using var sameNetwork = app.Client("2001:db8:1:2::99");
        using var second = app.Client("2001:db8:9:9::1");

        // Act
        using var page = await first.Http.GetAsync("/Claims?q=chats");
        using var api = await first.Http.GetAsync("/api/claims?q=chats");
        using var plainList = await first.Http.GetAsync("/Claims?topic=training.default");
        using var third = await first.Http.GetAsync("/Claims?q=deleted");
        using var neighbour = await sameNetwork.Http.GetAsync("/api/claims?q=deleted");
        using var other = await second.Http.GetAsync("/Claims?q=deleted");

        // Assert: an IPv6 host's /64 is one client.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, plainList.StatusCode);
        AssertRefused(third);
        AssertRefused(neighbour);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Upload_PerClient_OnlyUploadsCountAndOtherClientsServed()
    {
        // Arrange
        using var app = new LimitedApp(("UploadsPerClient", 2));
        using var first = await app.SignInAsync(Roles.Editor);
        using var second = await app.SignInAsync(Roles.Editor);
        first.Http.DefaultRequestHeaders.Add(LimitedApp.ClientHeader, "203.0.113.7");
        second.Http.DefaultRequestHeaders.Add(LimitedApp.ClientHeader, "203.0.113.8");
        var form = (await first.GetDocumentAsync("/Sources")).Forms["upload-form"]!;
        var otherForm = (await second.GetDocumentAsync("/Sources")).Forms["upload-form"]!;
        (string, byte[])[] file = [("limited.txt", "Acme sells no personal data.\n"u8.ToArray())];

        // Act
        using var one = await first.UploadAsync(form, file);
        using var two = await first.UploadAsync(form, file);
        using var three = await first.UploadAsync(form, file);
        using var page = await first.Http.GetAsync("/Sources");
        using var other = await second.UploadAsync(otherForm, file);

        // Assert
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (one.StatusCode, two.StatusCode));
        AssertRefused(three);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public void Options_OutOfRange_AppRefusesToStart()
    {
        // Arrange
        using var app = new LimitedApp(("PdfExportsAtOnce", 0));

        // Act
        var error = Record.Exception(() => app.Factory.Services);

        // Assert
        var invalid = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(nameof(RateLimitOptions.PdfExportsAtOnce), invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_AsDocumented()
    {
        // Arrange
        using var app = new TestApp();

        // Act
        var limits = app.Factory.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;

        // Assert: the shipped appsettings.json says the same as the class, and neither throttles a person.
        Assert.Equal(
            (60, 60, 10, 60, 6, 2, 300, 30, 20),
            (limits.WindowSeconds, limits.SignInsPerClient, limits.SignInsPerAccount, limits.ExportsPerClient,
                limits.PdfExportsPerClient, limits.PdfExportsAtOnce, limits.SearchesPerClient, limits.UploadsPerClient, limits.WatchesPerClient));
        var fresh = new RateLimitOptions();
        Assert.Equal(
            (fresh.WindowSeconds, fresh.SignInsPerClient, fresh.SignInsPerAccount, fresh.ExportsPerClient,
                fresh.PdfExportsPerClient, fresh.PdfExportsAtOnce, fresh.SearchesPerClient, fresh.UploadsPerClient, fresh.WatchesPerClient),
            (limits.WindowSeconds, limits.SignInsPerClient, limits.SignInsPerAccount, limits.ExportsPerClient,
                limits.PdfExportsPerClient, limits.PdfExportsAtOnce, limits.SearchesPerClient, limits.UploadsPerClient, limits.WatchesPerClient));
    }

    private static void AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 }, $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    private static Task<HttpResponseMessage> SignInAsync(FormClient client, AngleSharp.Html.Dom.IHtmlDocument page, string email) =>
        client.SubmitAsync(page.Forms["sign-in"]!, new() { [RateLimits.SignInEmailField] = email, ["Input.Password"] = "not the password" });

    /// <summary>The app with no Chromium, or with a stand-in that prints nothing until the test says so.</summary>
    private sealed class PdfApp : LimitedApp
    {
        public const string Missing = "missing";

        public const string Slow = "slow";

        private readonly string kind;

        public PdfApp(string kind, params (string Name, int Value)[] limits)
            : base(limits)
        {
            this.kind = kind;
            Browser = new FakeBrowser(Root);
        }

        private FakeBrowser Browser { get; }

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
            [new("Reports:ChromiumPath", kind == Missing ? "/nonexistent/chromium" : Browser.Path)];

        public Task WaitUntilPrintingAsync() => Browser.WaitUntilPrintingAsync();

        public void FinishPrinting() => Browser.FinishPrinting();
    }
}
