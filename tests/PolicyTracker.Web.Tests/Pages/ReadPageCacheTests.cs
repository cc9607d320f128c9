using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyTracker.Web.Hosting;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

/// <summary>The read pages are kept rendered for visitors, but never shown stale and never shared with signed-in users.</summary>
public sealed class ReadPageCacheTests
{
    private const string Policy = "# Acme policy\n\nAcme does not use your conversations to train its models unless you opt in.\n";

    private const string Blog = "Acme trains its models on your conversations unless you opt out.\n";

    [Fact]
    public async Task ClaimsPage_Visitor_SeesAnEditorsTagAndANewIngestAtOnce()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, "acme-policy.md", Policy);
        using var visitor = app.Anonymous();
        var before = await visitor.GetDocumentAsync("/Claims?status=Disputed");
        var againBefore = await visitor.GetDocumentAsync("/Claims?status=Disputed");
        using var editor = await app.SignInAsync(Roles.Editor);
        var claimPage = await editor.GetDocumentAsync("/Claims?source=acme-policy");
        var claimLink = claimPage.QuerySelector("td.quote-cell a")!.GetAttribute("href")!;
        var tagPage = await editor.GetDocumentAsync(claimLink);

        // Act
        using var tagged = await editor.SubmitAsync(tagPage.Forms["tag-form"]!, new() { ["Input.Status"] = "Disputed" });
        var afterTag = await visitor.GetDocumentAsync("/Claims?status=Disputed");
        await IngestAsync(app, "acme-blog.txt", Blog);
        var afterIngest = await visitor.GetDocumentAsync("/Claims");
        var overview = await visitor.GetDocumentAsync("/");

        // Assert
        Assert.Empty(before.QuerySelectorAll("table.claims tbody tr"));
        Assert.Empty(againBefore.QuerySelectorAll("table.claims tbody tr"));
        Assert.Single(afterTag.QuerySelectorAll("table.claims tbody tr"));
        Assert.Equal(2, afterIngest.QuerySelectorAll("table.claims tbody tr").Length);
        Assert.Equal("1", overview.GetElementById("contradiction-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task ClaimsPage_VisitorAndEditor_EachGetTheirOwnPage()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, "acme-policy.md", Policy);
        using var visitor = app.Anonymous();
        using var editor = await app.SignInAsync(Roles.Editor);

        // Act
        var visitorFirst = await visitor.GetDocumentAsync("/Claims");
        var editorPage = await editor.GetDocumentAsync("/Claims");
        var visitorAgain = await visitor.GetDocumentAsync("/Claims");

        // Assert
        Assert.Null(visitorFirst.Forms["bulk-form"]);
        Assert.NotNull(editorPage.Forms["bulk-form"]);
        Assert.Contains("Sign out", editorPage.GetElementById("account")!.TextContent, StringComparison.Ordinal);
        Assert.Null(visitorAgain.Forms["bulk-form"]);
        Assert.DoesNotContain("Sign out", visitorAgain.GetElementById("account")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimsPage_RepeatVisit_ServedFromTheCacheForVisitorsOnly()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, "acme-policy.md", Policy);
        using var visitor = app.Anonymous();
        using var editor = await app.SignInAsync(Roles.Editor);

        // Act
        using var visitorFirst = await visitor.Http.GetAsync("/Claims?topic=training.default");
        using var visitorRepeat = await visitor.Http.GetAsync("/Claims?topic=training.default");
        using var editorFirst = await editor.Http.GetAsync("/Claims?topic=training.default");
        using var editorRepeat = await editor.Http.GetAsync("/Claims?topic=training.default");

        // Assert: the output cache marks what it serves with an Age header.
        Assert.Null(visitorFirst.Headers.Age);
        Assert.NotNull(visitorRepeat.Headers.Age);
        Assert.False(visitorFirst.Headers.Contains("Set-Cookie"));
        Assert.Null(editorFirst.Headers.Age);
        Assert.Null(editorRepeat.Headers.Age);
    }

    [Fact]
    public async Task ProvidersPage_AddressWithAKeyThePageDoesNotRead_RenderedTheSameButNeverKept()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, "acme-policy.md", Policy);
        await IngestAsync(app, "acme-blog.txt", Blog);
        using var visitor = app.Anonymous();
        var page = await visitor.GetDocumentAsync("/Providers");

        // Act: the Providers page has no pages, so each page number is the same page at another address.
        var unread = await ServedFromCacheAsync(visitor, "/Providers?page=2");
        var unreadPage = await visitor.GetDocumentAsync("/Providers?page=3");
        var read = await ServedFromCacheAsync(visitor, "/Providers?family=training");
        var plain = await ServedFromCacheAsync(visitor, "/Providers");

        // Assert
        Assert.Equal(page.GetElementById("matrix")!.OuterHtml, unreadPage.GetElementById("matrix")!.OuterHtml);
        Assert.Equal((false, false), unread);
        Assert.Equal((false, true), read);
        Assert.Equal((true, true), plain);
    }

    [Fact]
    public async Task ClaimsPage_AddressWithAKeyThePageDoesNotRead_NeverKept()
    {
        // Arrange
        using var app = new TestApp();
        await IngestAsync(app, "acme-policy.md", Policy);
        using var visitor = app.Anonymous();

        // Act
        var unread = await ServedFromCacheAsync(visitor, "/Claims?subject=acme&utm_source=feed");
        var read = await ServedFromCacheAsync(visitor, "/Claims?Subject=acme&PAGE=1");

        // Assert: keys are read without regard to case, as model binding reads them.
        Assert.Equal((false, false), unread);
        Assert.Equal((false, true), read);
    }

    [Fact]
    public void OutputCache_HoldsAtMostTheReadPagesLimit()
    {
        // Arrange
        using var app = new TestApp();

        // Act
        var options = app.Factory.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value;

        // Assert
        Assert.Equal(32 * 1024 * 1024, options.SizeLimit);
        Assert.Equal(ReadPageCache.SizeLimit, options.SizeLimit);
    }

    [Fact]
    public void EveryCachedPage_NamesExactlyTheQueryKeysItsGetHandlersBind()
    {
        // Arrange
        var pages = typeof(ReadPageCache).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<OutputCacheAttribute>()?.PolicyName == ReadPageCache.PolicyName)
            .ToList();

        // Act
        var mismatches = pages
            .Select(page => (page, named: page.GetCustomAttribute<ReadPageQueryAttribute>()?.Keys, bound: BoundQueryKeys(page)))
            .Where(p => p.named is null || !p.named.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(p.bound))
            .Select(p => $"{p.page.FullName}: names [{string.Join(", ", p.named ?? [])}], binds [{string.Join(", ", p.bound.Order(StringComparer.Ordinal))}]")
            .ToList();

        // Assert
        Assert.Equal(5, pages.Count);
        Assert.Empty(mismatches);
    }

    /// <summary>
    /// The query keys a page's GET handlers bind: each simple parameter's name, each property of a complex one, and
    /// <c>handler</c> when the page has a named GET handler (<c>OnGetCsv</c>: <c>?handler=Csv</c>).
    /// </summary>
    private static HashSet<string> BoundQueryKeys(Type page)
    {
        var handlers = page.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal))
            .ToList();
        var keys = handlers
            .SelectMany(m => m.GetParameters())
            .Where(p => p.ParameterType != typeof(CancellationToken))
            .SelectMany(p => IsSimple(p.ParameterType)
                ? [p.Name!]
                : p.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(q => q.SetMethod?.IsPublic == true).Select(q => q.Name))
            .Concat(page.GetProperties().Where(p => p.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true).Select(p => p.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (handlers.Any(m => m.Name is not ("OnGet" or "OnGetAsync")))
        {
            keys.Add("handler");
        }

        return keys;
    }

    /// <summary>
    /// Whether a first request for <paramref name="url"/> and a repeat of it were served from the cache, which marks
    /// what it serves with an Age header.
    /// </summary>
    private static async Task<(bool First, bool Repeat)> ServedFromCacheAsync(FormClient client, string url)
    {
        using var first = await client.Http.GetAsync(url);
        using var repeat = await client.Http.GetAsync(url);
        Assert.True(first.IsSuccessStatusCode && repeat.IsSuccessStatusCode, url);
        return (first.Headers.Age is not null, repeat.Headers.Age is not null);
    }

    private static bool IsSimple(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element.IsPrimitive || element.IsEnum || element == typeof(string) || element == typeof(decimal);
    }

    private static async Task IngestAsync(TestApp app, string name, string text)
    {
        _ = app.Factory.Services;
        var result = await app.RunCliAsync("ingest", app.WriteFile(name, text));
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
    }
}
