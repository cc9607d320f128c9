using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using PolicyTracker.BrowserTests.Infrastructure;
using PolicyTracker.BrowserTests.Screens;

namespace PolicyTracker.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class SuggestionTests(BrowserFixture browser)
{
    private const string Password = "a long password for the browser test";

    private const string FileName = "perplexity-forum.txt";

    private const string Title = "What people say about Perplexity";

    private const string Text = Title + "\n\n"
        + "Perplexity uses your conversations for training unless you opt out.\n\n"
        + "Perplexity removes deleted chats within 30 days.\n\n"
        + "You can export your data from Perplexity at any time.\n";

    [Fact]
    public async Task Editor_AcceptsOneSuggestionAndRejectsAnother_ListsAndClaimPagesShowIt()
    {
        // Arrange: a forum post ingested with a threshold above every confidence, so each claim is a suggestion.
        var path = Path.Combine(browser.App.Root, FileName);
        await File.WriteAllTextAsync(path, Text);
        await browser.App.IngestAsync(path, "--Extraction:SuggestionThreshold=1.5");
        var ids = await GiveConfidenceAndCuesAsync();
        var editor = $"erin-{Guid.NewGuid():N}@example.org";
        await browser.App.AddUserAsync(editor, "Editor", Password);
        await using var session = await browser.NewPageAsync();
        var (page, dialogs) = session;
        await new SignInScreen(page).SignInAsync(editor, Password);
        var suggestions = await new SuggestionsScreen(page).OpenAsync("?source=perplexity-forum");
        await Assertions.Expect(suggestions.Rows).ToHaveCountAsync(3);
        await Assertions.Expect(suggestions.Row(ids["training.default"]).Locator("mark.cue")).ToHaveCountAsync(4);
        await BrowserFixture.ScreenshotAsync(page, "suggestions");

        // Act
        await suggestions.DecideAsync(ids["training.default"], "Accept", "Perplexity's help centre says the same.");
        await Assertions.Expect(suggestions.Flash).ToContainTextAsync("Accepted");
        await suggestions.DecideAsync(ids["rights.export"], "Reject", "Export is not what this forum post is about.");

        // Assert: both gone from the suggestions; the accepted one is a claim, the rejected one is not.
        await Assertions.Expect(suggestions.Flash).ToContainTextAsync("Rejected");
        await Assertions.Expect(suggestions.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(suggestions.Row(ids["retention.deleted_chats"])).ToBeVisibleAsync();

        await page.GotoAsync("/Claims?source=perplexity-forum");
        var listed = page.Locator("table.claims td.quote-cell a");
        await Assertions.Expect(listed).ToHaveCountAsync(1);
        Assert.Equal($"/Claims/{ids["training.default"]}", await listed.GetAttributeAsync("href"));

        var claim = await new ClaimScreen(page).OpenAsync(ids["training.default"]);
        await Assertions.Expect(page.Locator("#suggestion-state")).ToHaveAttributeAsync("data-state", "Accepted");
        await Assertions.Expect(page.Locator("#suggestion-state")).ToContainTextAsync(editor);
        await Assertions.Expect(page.Locator("#confidence")).ToContainTextAsync("45%");
        await Assertions.Expect(page.Locator("#why-quote mark.cue")).ToHaveCountAsync(4);
        await Assertions.Expect(claim.History.First).ToContainTextAsync("suggestion Pending → Accepted");
        await page.Locator("#why").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "claim-why");

        await claim.OpenAsync(ids["rights.export"]);
        await Assertions.Expect(page.Locator("#suggestion-state")).ToHaveAttributeAsync("data-state", "Rejected");
        await Assertions.Expect(page.Locator("#decide-form")).ToHaveCountAsync(0);
        Assert.Empty(dialogs);
    }

    /// <summary>
    /// The extractor gives every claim confidence 1 and no cues today; this gives the stored suggestions the
    /// confidence and cues it will record (words found in each quote, the title as the heading), in the app's database.
    /// </summary>
    private async Task<Dictionary<string, long>> GiveConfidenceAndCuesAsync()
    {
        var cues = new Dictionary<string, (double Confidence, (string Kind, string Words)[] Cues)>
        {
            ["training.default"] = (0.45, [("actor", "Perplexity"), ("action", "uses"), ("object", "your conversations"), ("condition", "unless you opt out")]),
            ["retention.deleted_chats"] = (0.52, [("action", "removes"), ("object", "deleted chats"), ("value", "within 30 days")]),
            ["rights.export"] = (0.38, [("actor", "You"), ("action", "export"), ("object", "your data")]),
        };
        await using var connection = new SqliteConnection($"Data Source={browser.App.DatabasePath}");
        await connection.OpenAsync();
        var ids = new Dictionary<string, long>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT c.Id, c.Topic, c.Start, c.Quote FROM Claims c JOIN Sources s ON s.Id = c.SourceId WHERE s.FileName = $name";
            read.Parameters.AddWithValue("$name", FileName);
            await using var rows = await read.ExecuteReaderAsync();
            var found = new List<(long Id, string Topic, int Start, string Quote)>();
            while (await rows.ReadAsync())
            {
                found.Add((rows.GetInt64(0), rows.GetString(1), rows.GetInt32(2), rows.GetString(3)));
            }

            foreach (var (id, topic, start, quote) in found)
            {
                ids[topic] = id;
                var (confidence, words) = cues[topic];
                var stored = words
                    .Select(w => (object)new { kind = w.Kind, text = w.Words, start = start + quote.IndexOf(w.Words, StringComparison.Ordinal), end = start + quote.IndexOf(w.Words, StringComparison.Ordinal) + w.Words.Length })
                    .Append(new { kind = "heading", text = Title, start = 0, end = Title.Length });
                await using var update = connection.CreateCommand();
                update.CommandText = "UPDATE Claims SET Confidence = $confidence, Cues = $cues WHERE Id = $id";
                update.Parameters.AddWithValue("$confidence", confidence);
                update.Parameters.AddWithValue("$cues", JsonSerializer.Serialize(stored));
                update.Parameters.AddWithValue("$id", id);
                Assert.Equal(1, await update.ExecuteNonQueryAsync());
            }
        }

        Assert.Equal(cues.Keys.Order(), ids.Keys.Order());
        return ids;
    }
}
