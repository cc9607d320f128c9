using System.Text;
using AngleSharp.Html.Dom;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Security;

/// <summary>
/// Sources whose titles, file names, quotes, subjects, values and scopes, and editors' notes are classic script
/// payloads. Each payload that became markup would make an element carrying <c>data-xss</c>, an event attribute, or
/// a <c>javascript:</c> link.
/// </summary>
public sealed class XssApp : TestApp, IAsyncLifetime
{
    public static readonly string[] Payloads =
    [
        "<script data-xss>alert(1)</script>",
        "</script><script data-xss>alert(1)</script>",
        "<img data-xss src=x onerror=alert(1)>",
        "\"><svg data-xss onload=alert(1)>",
        "'><iframe data-xss src=\"javascript:alert(1)\"></iframe>",
        "\" onmouseover=\"alert(1)\" data-xss=\"",
        "' onfocus='alert(1)' autofocus data-xss='",
        "</textarea><b data-xss>x</b>",
        "</title><b data-xss>x</b>",
        "</style><b data-xss>x</b>",
        "<a data-xss href=\"javascript:alert(1)\">x</a>",
        "javascript:alert(1)",
        "<!--<b data-xss>-->",
        "&lt;b data-xss&gt;",
        "<math><mtext><b data-xss>x</b></mtext></math>",
        "<details data-xss open ontoggle=alert(1)>",
        "<b data-xss",
        "[x](javascript:alert(1)) ![y](x\" onerror=\"alert(1)) <b data-xss>md</b>",
        "%3Cb data-xss%3E",
        "<base data-xss href=\"//evil.example/\">",
        "<meta data-xss http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<form data-xss action=\"https://evil.example\"><button>go</button></form>",
    ];

    /// <summary>For the scope, which holds at most 20 characters.</summary>
    public const string ShortPayload = "\"><b data-xss>x</b>";

    public List<long> ClaimIds { get; } = [];

    public List<long> SourceIds { get; } = [];

    public static string HostileSubject => Payloads[2];

    public async Task InitializeAsync()
    {
        _ = Factory.Services;
        await using var db = CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Payloads.Length; i++)
        {
            var payload = Payloads[i];
            var quote = $"Acme keeps deleted chats {payload} for a while.";
            var text = quote + "\n";
            var source = new Source
            {
                FileName = i == 2 ? payload + ".txt" : $"xss-{i:00}.txt",
                Title = payload,
                Kind = (SourceKind)(i % 3),
                Format = SourceFormat.Text,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text))),
                ByteCount = Encoding.UTF8.GetByteCount(text),
                Text = text,
                Version = 1,
                IngestedAt = now,
                UpdatedAt = now,
            };
            db.Sources.Add(source);
            await db.SaveChangesAsync();
            SourceIds.Add(source.Id);

            var claim = new Claim
            {
                SourceId = source.Id, Subject = i == 2 ? payload : "acme", Topic = "retention.deleted_chats", Scope = i % 2 == 0 ? "consumer" : ShortPayload,
                Value = payload, Quote = quote, Start = 0, End = quote.Length,
                Status = ClaimStatus.Disputed, ReviewNote = payload, ReviewedBy = "editor@example.org", ReviewedAt = now,
            };
            db.Claims.Add(claim);
            await db.SaveChangesAsync();
            ClaimIds.Add(claim.Id);
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, Actor = "editor@example.org", Action = AuditAction.ClaimStatusChanged, ClaimId = claim.Id,
                Subject = claim.Subject, Topic = claim.Topic, Target = $"claim {claim.Id}", From = "Unreviewed", To = "Disputed", Note = payload,
            });
        }

        db.ContradictionReviews.Add(new ContradictionReview
        {
            Subject = "acme", Topic = "retention.deleted_chats", State = ContradictionState.Dismissed, Reason = DismissalReason.DifferentScope,
            Note = string.Concat(Payloads), ReviewedBy = "editor@example.org", ReviewedAt = now,
        });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Every page, and the HTML and Markdown reports, show the payloads as text: none becomes markup.</summary>
public sealed class XssPayloadTests(XssApp app) : IClassFixture<XssApp>
{
    [Fact]
    public async Task EveryPage_ScriptPayloadsInEveryField_ShownAsTextNeverMarkup()
    {
        // Arrange
        using var admin = await app.SignInAsync(Roles.Admin);
        var subject = Uri.EscapeDataString(XssApp.HostileSubject);
        var urls = new List<string>
        {
            "/", "/Claims", "/Claims?q=alert", "/Claims?pageSize=200&status=Disputed", "/Sources", "/Compare", "/Compare?subject=acme",
            $"/Compare?subject={subject}", "/Contradictions", $"/Contradictions?subject={subject}", "/Activity", "/Export",
            $"/Export?subject={subject}&subject=acme", $"/Claims?subject={subject}&value={Uri.EscapeDataString(XssApp.Payloads[0])}",
        };
        urls.AddRange(app.ClaimIds.Select(id => $"/Claims/{id}"));
        urls.AddRange(app.SourceIds.Select(id => $"/Sources/{id}"));

        foreach (var url in urls)
        {
            // Act
            var page = await admin.GetDocumentAsync(url);

            // Assert
            AssertNoMarkupFromPayloads(page, url);
        }

        var source = await admin.GetDocumentAsync($"/Sources/{app.SourceIds[0]}");
        Assert.Contains(XssApp.Payloads[0], source.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_ScriptPayloadsInEveryField_ShownAsTextNeverMarkup()
    {
        // Arrange
        using var client = app.Factory.CreateClient();

        // Act
        var html = await client.GetStringAsync("/Export/Download?format=html");
        var markdown = await client.GetStringAsync("/Export/Download?format=md");

        // Assert: the Markdown as any renderer that passes HTML through would show it.
        AssertNoMarkupFromPayloads(AnalystApp.Parse(html), "html report");
        AssertNoMarkupFromPayloads(AnalystApp.Parse(Markdig.Markdown.ToHtml(markdown)), "markdown report");
        Assert.Contains(XssApp.Payloads[0], AnalystApp.Parse(html).Body!.TextContent, StringComparison.Ordinal);
    }

    private static void AssertNoMarkupFromPayloads(IHtmlDocument page, string url)
    {
        Assert.True(page.QuerySelectorAll("[data-xss]").Length == 0, $"{url}: {page.QuerySelector("[data-xss]")?.OuterHtml}");
        Assert.True(page.QuerySelectorAll("script").Length == 0, $"{url} has a script element");
        var attributes = page.All.SelectMany(e => e.Attributes.Select(a => (Element: e, Attribute: a))).ToList();
        var events = attributes.Where(x => x.Attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(x => x.Element.OuterHtml).ToList();
        Assert.True(events.Count == 0, $"{url}: {string.Join(" ", events)}");
        var scripted = attributes
            .Where(x => x.Attribute.Name is "href" or "src" or "action" or "formaction" or "content")
            .Where(x => x.Attribute.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                || x.Attribute.Value.Contains("url=javascript:", StringComparison.OrdinalIgnoreCase))
            .Select(x => x.Element.OuterHtml)
            .ToList();
        Assert.True(scripted.Count == 0, $"{url}: {string.Join(" ", scripted)}");
        Assert.Empty(page.QuerySelectorAll("base, meta[http-equiv]"));
    }
}
