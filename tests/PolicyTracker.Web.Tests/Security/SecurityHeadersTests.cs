using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Hosting;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Export;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Security;

/// <summary>
/// Every response carries the headers that fit it: each route the app maps (found from the app itself, so a new page
/// cannot be missed), as a visitor and as an admin, every export, the stylesheet, a 404, redirects and refusals.
/// </summary>
public sealed partial class SecurityHeadersTests(ReportApp app) : IClassFixture<ReportApp>
{
    [Fact]
    public async Task EveryRoute_VisitorAndAdmin_CarryTheSecurityHeaders()
    {
        // Arrange
        using var visitor = app.Anonymous();
        using var admin = await app.SignInAsync(Roles.Admin);
        var urls = RouteUrls().Concat(
        [
            "/css/site.css",
            "/no/such/page",
            "/Claims/999999",
            "/Claims?q=acme&page=2",
            .. ExportFormats.Names.Select(f => $"/Export/Download?format={f}&subject=acme"),
            "/Export/Download?format=xml",
        ]).ToList();
        var checkedCount = 0;

        foreach (var url in urls)
        {
            foreach (var client in new[] { visitor, admin })
            {
                // Act
                using var response = await client.Http.GetAsync(url);

                // Assert
                await AssertHeadersAsync(response, url);
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 40, $"only {checkedCount} responses checked");
    }

    [Fact]
    public async Task Posts_SignInRedirectsAndRefusals_CarryTheSecurityHeaders()
    {
        // Arrange
        using var client = app.Anonymous();
        var page = await client.GetDocumentAsync("/Account/SignIn");

        // Act
        using var failed = await client.SubmitAsync(page.Forms["sign-in"]!, new() { ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "not the password" });
        using var forged = await client.SubmitAsync(page.Forms["sign-in"]!, new() { ["__RequestVerificationToken"] = "forged" });
        using var editorOnly = await client.Http.PostAsync($"/Claims/{app.Claims["policy-training"]}?handler=Tag", new FormUrlEncodedContent([]));
        var email = await app.AddUserAsync(Roles.Reader);
        using var signedIn = await client.SubmitAsync(page.Forms["sign-in"]!, new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });

        // Assert
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        foreach (var response in new[] { failed, forged, editorOnly, signedIn })
        {
            await AssertHeadersAsync(response, response.RequestMessage!.RequestUri!.PathAndQuery);
        }
    }

    [Fact]
    public async Task HtmlReport_Served_KeepsItsOwnPolicyAndCannotBeFramed()
    {
        // Act
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync("/Export/Download?format=html");

        // Assert
        var policy = Single(response, "Content-Security-Policy");
        Assert.StartsWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:", policy, StringComparison.Ordinal);
        Assert.Contains(SecurityHeaders.FrameAncestors, policy, StringComparison.Ordinal);
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Development_OverHttps_NoHsts()
    {
        // Act
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://policytracker.example") });
        using var response = await client.GetAsync("/");

        // Assert
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>Every route the app maps, with its parameters filled in with ids that exist.</summary>
    private List<string> RouteUrls()
    {
        var patterns = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/api/claims/{id:long}", patterns);
        Assert.Contains("/Export/Download", patterns);
        return [.. patterns.Select(pattern => Parameter().Replace(pattern, match => (pattern, match.Value) switch
        {
            (_, "{id:long}") when pattern.StartsWith("/Sources", StringComparison.Ordinal) => app.PolicyId.ToString(),
            (_, "{id:long}") => app.Claims["policy-training"].ToString(),
            (_, "{subject}") => "acme",
            (_, "{documentName}") => "v1",
            _ => throw new InvalidOperationException($"No value for {match.Value} in {pattern}; teach this test the new route."),
        }))];
    }

    private static async Task AssertHeadersAsync(HttpResponseMessage response, string url)
    {
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{url} answered {status}");
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options", url));
        Assert.Equal("DENY", Single(response, "X-Frame-Options", url));
        Assert.Equal(SecurityHeaders.ReferrerPolicy, Single(response, "Referrer-Policy", url));
        var policy = Single(response, "Content-Security-Policy", url);
        Assert.Contains(SecurityHeaders.FrameAncestors, policy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{url}: HSTS over plain HTTP");

        var isReport = response.Content.Headers.ContentDisposition?.FileName?.Contains(".html", StringComparison.Ordinal) == true;
        if (response.Content.Headers.ContentType?.MediaType == "text/html" && !isReport)
        {
            // An app page: the strict policy, and nothing in the page that the policy would block.
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, policy);
            AssertNothingTheStrictPolicyBlocks(await FormClient.ParseAsync(response), url);
        }
    }

    private static void AssertNothingTheStrictPolicyBlocks(IHtmlDocument page, string url)
    {
        Assert.True(page.QuerySelectorAll("script, style, iframe, object, embed").Length == 0, $"{url} has inline script or style");
        Assert.True(page.QuerySelectorAll("[style]").Length == 0, $"{url} has a style attribute");
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        var loaded = page.QuerySelectorAll("link[href], img[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!);
        Assert.All(loaded, address => Assert.True(address.StartsWith('/') && !address.StartsWith("//", StringComparison.Ordinal), $"{url} loads {address}"));
        Assert.All(page.Forms, form => Assert.False(form.GetAttribute("action")?.Contains("//", StringComparison.Ordinal) == true, $"{url} posts elsewhere"));
    }

    private static string Single(HttpResponseMessage response, string name, string? url = null)
    {
        var values = (response.Headers.TryGetValues(name, out var general) ? general
            : response.Content.Headers.TryGetValues(name, out var content) ? content
            : []).ToList();
        Assert.True(values.Count == 1, $"{url}: {name} sent {values.Count} times");
        return values[0];
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}

/// <summary>HSTS is sent in Production, over HTTPS only.</summary>
public sealed class HstsTests(HstsTests.ProductionApp app) : IClassFixture<HstsTests.ProductionApp>
{
    [Fact]
    public async Task Production_OverHttps_SendsHstsForAYear()
    {
        // Act
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://policytracker.example") });
        using var response = await client.GetAsync("/");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Production_OverHttp_NoHsts()
    {
        // Act
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://policytracker.example") });
        using var response = await client.GetAsync("/");

        // Assert: a browser ignores HSTS over plain HTTP; sending it there would only mislead.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    public sealed class ProductionApp : TestApp
    {
        protected override string EnvironmentName => Environments.Production;
    }
}
