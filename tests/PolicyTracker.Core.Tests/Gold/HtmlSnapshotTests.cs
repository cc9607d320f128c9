using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Tests.Gold;

/// <summary>
/// Real pages as fetched (navigation, scripts, accordions and all) against the same documents' Markdown extraction:
/// the HTML reader must find the same text, so the extractor makes the same claims from both.
/// </summary>
public sealed class HtmlSnapshotTests
{
    [Theory]
    [InlineData("chatgpt-business-privacy-policy")]
    [InlineData("replicate-privacy-policy")]
    public void Extract_PageAsFetched_SameClaimsAsItsMarkdown(string name)
    {
        var markdown = Claims(Path.Combine(GoldCorpus.Folder(GoldCorpus.RealDevSet), $"{name}.md"))
            ?? Claims(Path.Combine(GoldCorpus.Folder(GoldCorpus.RealHoldoutSet), $"{name}.md"))!;
        var html = Claims(Path.Combine(AppContext.BaseDirectory, "gold", "real-html", $"{name}.html"))!;

        Assert.NotEmpty(markdown);
        Assert.Equal(markdown, html);
    }

    private static List<string>? Claims(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var document = SourceReader.Read(Path.GetFileName(path), File.ReadAllBytes(path));
        return [.. GoldCorpus.Extractor.Extract(document).Select(c => $"{c.Subject} {c.Topic} {c.Scope} {c.Value}").Order(StringComparer.Ordinal)];
    }
}
