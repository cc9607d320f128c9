using System.Text;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Tests.Gold;

public sealed class ExtractorRobustnessTests
{
    // Fixed, so a failure on generated text can be reproduced.
    private const int Seed = 20251123;

    private static readonly string[] Vocabulary =
    [
        "we", "do", "not", "use", "your", "conversations", "chats", "to", "train", "models", "unless", "you",
        "opt", "in", "out", "by", "default", "delete", "deleted", "within", "30", "days", "five", "years",
        "retain", "data", "Claude", "OpenAI", "ChatGPT", "Anthropic", "encrypted", "AES-256", "TLS", "sell",
        "advertising", "export", "account", "closed", "safety", "flagged", "setting", "future", "past", "pro",
        "free", "enterprise", "API", "and", "or", "the", "for", "up",
    ];

    public static TheoryData<string> UnusualDocuments => new()
    {
        "one-token", "random-printable", "list-items-only", "long-sentences", "unusual-unicode",
    };

    [Theory]
    [MemberData(nameof(UnusualDocuments))]
    public void Extract_UnusualDocument_DoesNotThrowAndQuotesAreSlices(string name)
    {
        // Arrange
        var document = SourceReader.Read(name + ".txt", Encoding.UTF8.GetBytes(Build(name)));
        var extractor = new ClaimExtractor(TopicCatalog.Default);

        // Act
        var claims = extractor.Extract(document);

        // Assert
        AssertQuotesAreSlices(document.Text, claims);
    }

    [Fact]
    public void Extract_OneTokenWithoutClaims_FindsNothing()
    {
        // Arrange
        var document = SourceReader.Read("token.txt", Encoding.UTF8.GetBytes(Build("one-token")));

        // Act
        var claims = GoldCorpus.Extractor.Extract(document);

        // Assert
        Assert.Empty(claims);
    }

    [Fact]
    public void Extract_ClaimBesideEmojiAndRightToLeftText_IsFound()
    {
        // Arrange
        var document = SourceReader.Read("unicode.txt", Encoding.UTF8.GetBytes(Build("unusual-unicode")));

        // Act
        var claims = GoldCorpus.Extractor.Extract(document);

        // Assert: the emoji after the full stop may stay with the sentence, as only a capital opens the next one.
        Assert.Contains(claims, c => (c.Subject, c.Topic, c.Value) == ("anthropic", "sharing.sale", "no")
            && c.Quote.StartsWith("Anthropic does not sell your personal data.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SeedClaimsTests.Documents), MemberType = typeof(SeedClaimsTests))]
    public void Extract_SameDocumentTwice_GivesIdenticalClaims(string set, string fileName)
    {
        // Arrange
        var document = GoldCorpus.Read(set, fileName);

        // Act
        var first = new ClaimExtractor(TopicCatalog.Default).Extract(document);
        var second = new ClaimExtractor(TopicCatalog.Default).Extract(GoldCorpus.Read(set, fileName));

        // Assert
        Assert.Equal(first, second);
    }

    private static void AssertQuotesAreSlices(string text, IReadOnlyList<ExtractedClaim> claims) =>
        Assert.All(claims, c =>
        {
            Assert.InRange(c.Span.Start, 0, text.Length - 1);
            Assert.InRange(c.Span.End, c.Span.Start + 1, text.Length);
            Assert.Equal(text[c.Span.Start..c.Span.End], c.Quote);

            // A quote that cuts an emoji in half is not text anyone can show.
            Assert.False(char.IsLowSurrogate(c.Quote[0]), $"\"{c.Quote}\" starts inside a surrogate pair");
            Assert.False(char.IsHighSurrogate(c.Quote[^1]), $"\"{c.Quote}\" ends inside a surrogate pair");
        });

    private static string Build(string name) => name switch
    {
        "one-token" => "Xq7zPlokmnbv-QwertyUiop_0987-Zxcvbnm",
        "random-printable" => RandomPrintable(200_000),
        "list-items-only" => ListItemsOnly(),
        "long-sentences" => LongSentences(),
        "unusual-unicode" => UnusualUnicode(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such document"),
    };

    private static string RandomPrintable(int length)
    {
        var random = new Random(Seed);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)random.Next(0x20, 0x7F));
        }

        return text.ToString();
    }

    private static string ListItemsOnly()
    {
        string[] items =
        [
            "- Deleted chats: Removed within 30 days",
            "- Sold to third parties",
            "  - Used for targeted advertising",
            "* Conversations are not used for model improvement by default",
            "1. You can export your data at any time",
            "2. Closed accounts: All data deleted within 90 days",
            "• AES-256 encryption",
            "-",
            "- ",
        ];
        var text = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            text.Append(items[i % items.Length]).Append('\n');
        }

        return text.ToString();
    }

    private static string LongSentences()
    {
        var random = new Random(Seed);
        var text = new StringBuilder();
        for (var sentence = 0; sentence < 5; sentence++)
        {
            var start = text.Length;
            while (text.Length - start < 10_000)
            {
                text.Append(Vocabulary[random.Next(Vocabulary.Length)]).Append(' ');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string UnusualUnicode() => string.Join('\n',
        "🔒🔐👨‍👩‍👧‍👦🏳️‍🌈👍🏽",
        "Anthropic does not sell your personal data. 🔒👍🏽",
        "👨‍👩‍👧‍👦 Deleted chats: Removed within 30 days 🗑️",
        "نحن لا نبيع بياناتك. Claude doesn’t use your conversations to train models unless you explicitly opt in. אנחנו לא מוכרים",
        "\u202EWe do not sell your data\u202C and \u200Dzero\u200Bwidth\u200C joiners\u2060 everywhere.",
        "Cafe\u0301 ﬁ ligature, 𝔐𝔞𝔱𝔥 letters, and a lone emoji at the end 🧪",
        "ChatGPT 🤖 uses conversations for training unless you opt out 🙅");
}
