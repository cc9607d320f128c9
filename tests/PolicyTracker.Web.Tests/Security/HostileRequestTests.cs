using System.Net;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Security;

/// <summary>Sign-in never sends anyone to another site, however the return address is disguised.</summary>
public sealed class OpenRedirectTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly Uri Site = new("https://policytracker.example/");

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("///evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("\\\\evil.example/")]
    [InlineData("\\/evil.example/")]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\r\n/evil.example/")]
    [InlineData(" //evil.example/")]
    [InlineData("https:evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("~//evil.example/")]
    [InlineData("https://policytracker.example@evil.example/")]
    [InlineData("/%2F%2Fevil.example/")]
    [InlineData("/Claims?x=//evil.example/")]
    public async Task SignIn_ReturnUrlVariant_LandsOnThisSite(string returnUrl)
    {
        // Arrange
        var email = await app.AddUserAsync(Roles.Reader);
        using var client = app.Anonymous();
        var page = await client.GetDocumentAsync("/Account/SignIn");

        // Act
        using var response = await client.SubmitAsync(page.Forms["sign-in"]!, new()
        {
            ["Input.Email"] = email, ["Input.Password"] = TestApp.Password, ["ReturnUrl"] = returnUrl,
        });

        // Assert: resolved the way a browser reads a Location header (tabs and newlines dropped, backslashes as slashes).
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var browserReads = new string([.. location.Where(c => c is not ('\t' or '\r' or '\n'))]).Trim().Replace('\\', '/');
        var target = new Uri(Site, browserReads);
        Assert.Equal(Site.Host, target.Host);
        Assert.Equal(Site.Scheme, target.Scheme);
    }
}

/// <summary>Junk in any query parameter of any read page or endpoint is answered, never a server error.</summary>
public sealed class JunkQueryTests(JunkQueryTests.GenerousApp app) : IClassFixture<JunkQueryTests.GenerousApp>
{
    private static readonly string[] Paths =
    [
        "/", "/Claims", "/Compare", "/Contradictions", "/Sources", "/Activity", "/Export", "/Export/Download",
        "/api/claims", "/api/contradictions", "/api/sources", "/Account/SignIn", "/Claims/1", "/Sources/1",
    ];

    private static readonly string[] Names =
    [
        "subject", "topic", "scope", "value", "source", "kind", "status", "q", "sort", "page", "pageSize", "state",
        "format", "returnUrl", "handler", "id",
    ];

    private static readonly string[] Junk =
    [
        "'", "\"", "<script>alert(1)</script>", "%00", "%FF%FE", "%C0%AF", "..%2F..%2Fetc%2Fpasswd", "-1", "0",
        "99999999999999999999", "2147483648", "NaN", "1e308", "true", "[]", "{}", "null", "*", "' OR 1=1 --",
        "\" OR \"\"=\"", "1;DROP TABLE Claims", "%E2%80%AE", "%F0%9F%92%A9", "--subject", "-", "AND", "NEAR(a b)",
        "\"unterminated", "a*b*c*", "^$.*+?()[]{}|\\", "%0D%0ASet-Cookie:%20x=1", "csv", "pdf", "Verified", "Blog",
        new string('a', 3000), "%20", "+", "&", "=", "%",
    ];

    [Fact]
    public async Task ReadPages_JunkQueryStrings_NeverAServerError()
    {
        // Arrange: the same 300 requests every run, so a failure can be replayed.
        var random = new Random(11);
        using var client = app.Factory.CreateClient();
        var failures = new List<string>();

        for (var i = 0; i < 300; i++)
        {
            var path = Paths[random.Next(Paths.Length)];
            var query = string.Join("&", Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => $"{Names[random.Next(Names.Length)]}={Junk[random.Next(Junk.Length)]}"));
            var url = $"{path}?{query}";

            // Act
            using var response = await client.GetAsync(url);

            // Assert
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} {url}");
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>The analyst data with limits no junk run reaches, so every request gets as far as the page.</summary>
    public sealed class GenerousApp : AnalystApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("RateLimits:ExportsPerClient", "100000"),
            new("RateLimits:PdfExportsPerClient", "100000"),
            new("RateLimits:SearchesPerClient", "100000"),
            new("Reports:ChromiumPath", "/nonexistent/chromium"),
        ];
    }
}
