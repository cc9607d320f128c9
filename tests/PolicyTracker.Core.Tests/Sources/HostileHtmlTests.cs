using System.Text;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Tests.Sources;

/// <summary>
/// Markup whose nesting makes the HTML tree builder slow (its work grows with the square of the size) must be refused
/// while it is parsed, and real pages of any size must still read. The files are made here, never committed. Nothing
/// is timed: a generous cancellation stops a parse that regressed, so the test fails rather than hangs.
/// </summary>
public sealed class HostileHtmlTests
{
    private const int Megabyte = 1024 * 1024;

    // Far beyond what these take (well under a second each) and still a bound: without the guard they run for hours.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    public static TheoryData<string, int> Hostile()
    {
        var data = new TheoryData<string, int>();
        foreach (var pattern in Patterns.Keys)
        {
            foreach (var megabytes in new[] { 1, 5, 20 })
            {
                data.Add(pattern, megabytes);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, Func<int, string>> Patterns = new()
    {
        ["unclosed inline"] = _ => "<b>x ",
        ["unclosed distinct inline"] = i => $"<i class=c{i}>x ",
        ["misnested inline across paragraphs"] = i => $"<p><b id=b{i}>x</p>",
        ["unclosed tables"] = _ => "<table><tr><td>x ",
        ["inline around tables"] = _ => "<a><table><td><font>x ",
        ["unclosed blocks"] = _ => "<div>x ",
        ["self-closed blocks"] = _ => "<div/><span/>x ",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Read_PathologicalNesting_RefusedWithOneLineReason(string pattern, int megabytes)
    {
        // Arrange
        var bytes = Generate(megabytes, Patterns[pattern]);
        Assert.True(bytes.Length <= SourceReader.DefaultMaxBytes);

        // Act
        var (_, error) = await ReadGuardedAsync("hostile.html", bytes);

        // Assert
        var rejected = Assert.IsType<SourceRejectedException>(error);
        Assert.Matches("^the HTML is (nested too deeply|misnested too badly) to read: ", rejected.Message);
        Assert.DoesNotContain('\n', rejected.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public async Task Read_PathologicalHtmlBlockInMarkdown_Refused(int megabytes)
    {
        // Arrange: a Markdown HTML block runs to the next blank line, so one block can be the whole file.
        var bytes = Generate(megabytes, i => $"<p><b id=b{i}>x</p>", prefix: "# Notes\n\n<div>\n");

        // Act
        var (_, error) = await ReadGuardedAsync("hostile.md", bytes);

        // Assert
        Assert.StartsWith("the HTML is", Assert.IsType<SourceRejectedException>(error).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task Read_LargeRealHtml_ReadsEveryParagraph(int megabytes)
    {
        // Arrange: long but ordinary markup, with the sloppiness real pages have: unclosed paragraphs, items and cells,
        // a formatting tag crossing a paragraph end, nested lists and tables, font tags closed by their cell.
        var sections = 0;
        var bytes = Generate(megabytes, i =>
        {
            sections++;
            return $"""
                <section><h2>Section {i}</h2>
                <p>Provider {i} keeps <b>chats for 30 days.<p>Deleted chats are removed within 30 days.</b> More text
                <ul><li>First item {i}<li>Second item <ul><li>nested <em>item</em></ul><li>Third item</ul>
                <table><tr><th>Plan<th>Retention<tr><td><font size=2>Free<td><font size=2>30 days</table>
                <div><div><span>Deep <i>and <u>styled</u></i> text.</span></div></div></section>

                """;
        });

        // Act
        var (document, error) = await ReadGuardedAsync("large.html", bytes);

        // Assert
        Assert.Null(error);
        Assert.NotNull(document);
        Assert.Contains($"Section {sections - 1}", document.Text, StringComparison.Ordinal);
        Assert.True(document.Blocks.Count >= sections * 8, $"{document.Blocks.Count} blocks for {sections} sections");
    }

    public static TheoryData<string> GoldHtml() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "gold"), "*.htm*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(AppContext.BaseDirectory, path))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(GoldHtml))]
    public async Task Read_CorpusHtml_StillReads(string relativePath)
    {
        // Arrange
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, relativePath));

        // Act
        var (document, error) = await ReadGuardedAsync(Path.GetFileName(relativePath), bytes);

        // Assert
        Assert.Null(error);
        Assert.NotEmpty(document!.Blocks);
    }

    /// <summary>Reads on another thread: the document, or what reading threw. A parse that outlives the guard fails the test.</summary>
    private static async Task<(ExtractedDocument? Document, Exception? Error)> ReadGuardedAsync(string fileName, byte[] bytes)
    {
        using var guard = new CancellationTokenSource(Guard);
        var reading = Task.Run(() => SourceReader.Read(fileName, bytes, SourceReader.DefaultMaxBytes, guard.Token));
        var error = await Record.ExceptionAsync(() => reading.WaitAsync(Guard + TimeSpan.FromSeconds(30)));
        Assert.False(error is OperationCanceledException or TimeoutException, $"reading {fileName} ({bytes.Length} bytes) did not end within {Guard}");
        return (error is null ? reading.Result : null, error);
    }

    private static byte[] Generate(int megabytes, Func<int, string> unit, string prefix = "<!doctype html><html><body>")
    {
        var html = new StringBuilder(prefix, megabytes * Megabyte);
        for (var i = 0; html.Length < megabytes * Megabyte - 1024; i++)
        {
            html.Append(unit(i));
        }

        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
