using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Versions;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>
/// The app over sources with versions, ingested the way the <c>ingest</c> command does: OpenAI's policy in three
/// versions (training turns opt-out in the second, retention grows to 90 days in the third) beside an article that
/// still says opt-in; Anthropic's policy, whose reviewed retention quote the second version rewords; Mistral's policy,
/// whose first version was stored before versions kept their text. Written directly: 55 older changes for paging,
/// and one recent change whose quotes hold markup.
/// </summary>
public sealed class VersionsApp : TestApp, IAsyncLifetime
{
    public const int BulkChanges = 55;

    /// <summary>Markup and XML-significant characters in both quotes of the recent change.</summary>
    public const string HostileOld = "Old <script>alert(1)</script> & \"quotes\" ]]> here";

    public const string HostileNew = "New <b>bold</b> & <![CDATA[ x ]]> here";

    public long OpenAiId { get; private set; }

    public long AnthropicId { get; private set; }

    public long MistralId { get; private set; }

    public long BulkId { get; private set; }

    // Unchanged paragraphs between the parts that change, so the diff has long runs to fold.
    private static readonly string Filler = string.Concat(Enumerable.Range(1, 12).Select(i => $"Section {i} explains nothing that changes.\n\n"));

    public static string Policy(string company, string updated, string training, string deletion = "Deleted chats are removed within 30 days.") =>
        $"{company} privacy policy\n\nLast updated: {updated}\n\n{training}\n\n{Filler}{deletion}\n";

    public static string OptIn(string company) => $"{company} does not use your conversations to train its models unless you explicitly opt in.";

    public static string OptOut(string company) => $"{company} may use your conversations to train its models unless you opt out.";

    public async Task InitializeAsync()
    {
        await IngestAsync("openai-1.md", Policy("OpenAI", "March 3, 2025", OptIn("OpenAI")), "openai-privacy", new(2025, 3, 10));
        await IngestAsync("openai-2.md", Policy("OpenAI", "September 28, 2025", OptOut("OpenAI")), "openai-privacy", new(2025, 10, 1));
        await IngestAsync("openai-3.md", Policy("OpenAI", "October 30, 2025", OptOut("OpenAI"), "Deleted chats are removed within 90 days."), "openai-privacy", new(2025, 11, 1));
        await IngestAsync("openai-article.txt", $"A review of OpenAI. {OptIn("OpenAI")}\n", null, null);

        await IngestAsync("anthropic-1.md", Policy("Anthropic", "January 2, 2025", OptIn("Anthropic")), "anthropic-privacy", new(2025, 1, 5));
        await IngestAsync("mistral-1.md", Policy("Mistral", "January 2, 2025", OptIn("Mistral")), "mistral-privacy", new(2025, 1, 5));
        await IngestAsync("mistral-2.md", Policy("Mistral", "May 2, 2025", OptOut("Mistral")), "mistral-privacy", new(2025, 5, 5));

        await using (var db = CreateDbContext())
        {
            // Anthropic's retention claim is reviewed before its quote is reworded, as an editor would have.
            var reviewed = await db.Claims.SingleAsync(c => c.Source!.FileName == "anthropic-privacy" && c.Topic == "retention.deleted_chats");
            reviewed.Status = ClaimStatus.Verified;
            reviewed.ReviewedBy = "editor@example.org";
            reviewed.ReviewedAt = DateTimeOffset.UtcNow;
            reviewed.Revision++;

            // Mistral's first version as stored before versions kept their text.
            var legacy = await db.SourceVersions.SingleAsync(v => v.Source!.FileName == "mistral-privacy" && v.Version == 1);
            legacy.Text = null;
            legacy.Claims = null;
            await db.SaveChangesAsync();
        }

        await IngestAsync("anthropic-2.md", Policy("Anthropic", "July 1, 2025", OptIn("Anthropic"), "Deleted chats are permanently removed from our systems within 30 days."), "anthropic-privacy", new(2025, 7, 2));

        await using (var db = CreateDbContext())
        {
            OpenAiId = await db.Sources.Where(s => s.FileName == "openai-privacy").Select(s => s.Id).SingleAsync();
            AnthropicId = await db.Sources.Where(s => s.FileName == "anthropic-privacy").Select(s => s.Id).SingleAsync();
            MistralId = await db.Sources.Where(s => s.FileName == "mistral-privacy").Select(s => s.Id).SingleAsync();
            var bulk = new Source
            {
                FileName = "bulk-history.md", Title = "Bulk history", Kind = SourceKind.OfficialPolicy, Format = SourceFormat.Markdown,
                Sha256 = new string('b', 64), Text = "Bulk.\n", Version = 1, IngestedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Sources.Add(bulk);
            await db.SaveChangesAsync();
            BulkId = bulk.Id;
            var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            db.SourceChanges.AddRange(Enumerable.Range(1, BulkChanges).Select(i => new SourceChange
            {
                SourceId = bulk.Id, Subject = "bulkco", Topic = "retention.deleted_chats", Scope = "consumer", Kind = ChangeKind.Changed,
                FromVersion = i, ToVersion = i + 1, FromObserved = start.AddDays(i - 1), ToObserved = start.AddDays(i),
                FromValue = $"P{i}D", ToValue = $"P{i + 1}D", FromQuote = $"kept {i} days", ToQuote = $"kept {i + 1} days",
            }));
            db.SourceChanges.Add(new SourceChange
            {
                SourceId = bulk.Id, Subject = "evilcorp", Topic = "training.default", Scope = "consumer", Kind = ChangeKind.Changed,
                FromVersion = 1, ToVersion = 2, FromObserved = DateTimeOffset.UtcNow.AddDays(-40), ToObserved = DateTimeOffset.UtcNow.AddDays(-2),
                FromValue = "opt-in", ToValue = "opt-out", FromQuote = HostileOld, ToQuote = HostileNew,
            });
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var client = Anonymous();
        return await client.GetDocumentAsync(url);
    }

    private async Task IngestAsync(string fileName, string text, string? source, DateOnly? observed)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var ingestor = scope.ServiceProvider.GetRequiredService<SourceIngestor>();
        await ingestor.IngestAsync(fileName, Encoding.UTF8.GetBytes(text), new IngestAs(source, observed), default);
    }
}
