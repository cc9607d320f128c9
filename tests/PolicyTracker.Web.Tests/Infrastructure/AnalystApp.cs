using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>
/// The app over sources and claims written directly, so what the pages show does not depend on the extractor:
/// an official policy and an article that disagree on training, a source that contradicts itself on retention,
/// overlapping quotes, and a source whose text holds HTML and a script.
/// </summary>
public class AnalystApp : TestApp, IAsyncLifetime
{
    public const string PolicyText =
        "Acme does not train on your chats unless you opt in. Deleted chats are removed within 30 days. You can export your data.\n";

    public const string ArticleText =
        "Acme trains on your chats unless you opt out. Acme removes deleted chats within 30 days.\n";

    public const string ScriptText =
        "Beware <script>alert(1)</script> and <b>bold</b> claims. Acme keeps deleted chats for 90 days. Elsewhere: Acme keeps deleted chats for 30 days.\n";

    private static readonly HtmlParser Parser = new();

    public long PolicyId { get; private set; }

    public long ArticleId { get; private set; }

    public long ScriptId { get; private set; }

    /// <summary>Claim ids by a short name: "policy-training", "policy-control" (nested in it), "article-training", ...</summary>
    public Dictionary<string, long> Claims { get; } = [];

    public virtual async Task InitializeAsync()
    {
        _ = Factory.Services;
        await using var db = CreateDbContext();
        var policy = NewSource("acme-policy.md", "Acme privacy policy", SourceKind.OfficialPolicy, PolicyText);
        var article = NewSource("acme-review.txt", "Acme reviewed", SourceKind.Article, ArticleText);
        var script = NewSource("script-article.txt", null, SourceKind.Article, ScriptText);
        db.Sources.AddRange(policy, article, script);
        await db.SaveChangesAsync();
        (PolicyId, ArticleId, ScriptId) = (policy.Id, article.Id, script.Id);

        var claims = new Dictionary<string, Claim>
        {
            ["policy-training"] = On(policy, "training.default", "opt-in", "Acme does not train on your chats unless you opt in."),
            ["policy-control"] = On(policy, "training.user_control", "yes", "unless you opt in"),
            ["policy-deleted"] = On(policy, "retention.deleted_chats", "P30D", "Deleted chats are removed within 30 days."),
            ["policy-export"] = On(policy, "rights.export", "yes", "You can export your data.", scope: "all"),
            ["article-training"] = On(article, "training.default", "opt-out", "Acme trains on your chats unless you opt out."),
            ["article-deleted"] = On(article, "retention.deleted_chats", "P30D", "Acme removes deleted chats within 30 days."),
            ["script-deleted-90"] = On(script, "retention.deleted_chats", "P90D", "Acme keeps deleted chats for 90 days."),
            ["script-deleted-30"] = On(script, "retention.deleted_chats", "P30D", "Acme keeps deleted chats for 30 days."),
            ["script-html"] = On(script, "sharing.sale", "no", "Beware <script>alert(1)</script> and <b>bold</b> claims."),
            ["other-subject"] = On(article, "training.default", "opt-in", "Acme trains on your chats", subject: "globex", scope: "commercial"),
        };
        db.Claims.AddRange(claims.Values);
        await db.SaveChangesAsync();
        foreach (var (name, claim) in claims)
        {
            Claims[name] = claim.Id;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var client = Factory.CreateClient();
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    private static Source NewSource(string fileName, string? title, SourceKind kind, string text) => new()
    {
        FileName = fileName,
        Title = title,
        Kind = kind,
        Format = SourceFormat.Text,
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))),
        ByteCount = text.Length,
        Text = text,
        Version = 1,
        IngestedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    private static Claim On(Source source, string topic, string value, string quote, string subject = "acme", string scope = "consumer")
    {
        var start = source.Text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{quote}' is not in {source.FileName}");
        return new Claim
        {
            Source = source, SourceId = source.Id, Subject = subject, Topic = topic, Scope = scope, Value = value,
            Quote = quote, Start = start, End = start + quote.Length,
        };
    }
}
