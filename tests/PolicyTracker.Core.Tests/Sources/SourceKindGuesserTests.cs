using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Tests.Sources;

public sealed class SourceKindGuesserTests
{
    [Theory]
    [InlineData("policy.md", "# Privacy Policy\n\nWe collect your account data. We use it to run our services for you. You can ask us to delete it.", SourceKind.OfficialPolicy)]
    [InlineData("openai-terms-of-use.md", "# Welcome\n\nThese terms govern your use of our services. We may update them and we will tell you.", SourceKind.OfficialPolicy)]
    [InlineData("news.md", "# OpenAI's new Privacy Policy explained\n\nOpenAI changed its policy. The company says users can opt out. Critics disagree with the change.", SourceKind.Article)]
    [InlineData("us-terms.md", "# Terms of Service in the US\n\nUS law applies. US courts decide. The US rules cover US users and your data.", SourceKind.Article)]
    [InlineData("opt-out.md", "# How to turn off training in ChatGPT\n\nOpen settings. Turn the toggle off. Your chats are then excluded.", SourceKind.Guide)]
    [InlineData("help.html", "<title>How do I delete my chats? | Example Help Center</title><p>Open Settings and choose Delete.</p>", SourceKind.OfficialPolicy)]
    [InlineData("notes.txt", "Checking your settings\n\nStep 1: Open settings\n\nStep 2: Click Privacy\n\nDone.", SourceKind.Guide)]
    [InlineData("blog.md", "# What we do to keep you safe\n\nWe may earn a commission. We think our readers deserve privacy, and we explain how you get it.", SourceKind.Article)]
    public void Guess_SmallExamples_ReturnsExpectedKind(string fileName, string content, SourceKind expected)
    {
        // Arrange
        var document = SourceAssert.Read(fileName, content);

        // Act
        var kind = SourceKindGuesser.Guess(fileName, document);

        // Assert
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("000", SourceKind.Article)]
    [InlineData("002", SourceKind.Guide)]
    [InlineData("003", SourceKind.Article)]
    public void Guess_Seeds_ReturnsExpectedKind(string seed, SourceKind expected)
    {
        // Arrange
        var path = SourceAssert.SeedPath(seed);
        var document = SourceReader.Read(path, File.ReadAllBytes(path));

        // Act
        var kind = SourceKindGuesser.Guess(Path.GetFileName(path), document);

        // Assert
        Assert.Equal(expected, kind);
    }
}
