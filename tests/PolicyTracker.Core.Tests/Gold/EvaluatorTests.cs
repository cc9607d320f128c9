using PolicyTracker.Core.Evaluation;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Tests.Gold;

public sealed class EvaluatorTests
{
    private const string Source = "a.txt";
    private const double Tolerance = 1e-9;

    [Fact]
    public void Score_MixedFindings_CountsPrecisionRecallAndF1()
    {
        // Arrange: one claim right, one labelled claim not found, one found claim that is not labelled, two more
        // spurious ones, and one right but for its scope, which is both spurious and missed.
        var gold = Gold(Source,
            Labelled("training.default", "consumer", "opt-in", "Claude does not train on your chats unless you opt in."),
            Labelled("sharing.sale", "consumer", "no", "We do not sell your personal data."),
            Labelled("retention.deleted_chats", "consumer", "P30D", "Deleted chats are removed within 30 days."));
        var found = Found(Source,
            Claim("training.default", "consumer", "opt-in", "Claude does not train on your chats unless you opt in."),
            Claim("rights.export", "consumer", "yes", "You can export your data."),
            Claim("rights.deletion", "consumer", "yes", "You can export your data."),
            Claim("retention.deleted_chats", "pro", "P30D", "Deleted chats are removed within 30 days."));

        // Act
        var report = Evaluator.Score(gold, found);

        // Assert: 1 right, 3 spurious, 2 missed.
        Assert.Equal(new Score(1, 3, 2), report.Overall);
        Assert.Equal(1.0 / 4, report.Overall.Precision, Tolerance);
        Assert.Equal(1.0 / 3, report.Overall.Recall, Tolerance);
        Assert.Equal(2.0 / 7, report.Overall.F1, Tolerance);
    }

    [Fact]
    public void Score_ScopeMismatch_CountsAsSpuriousAndMissed()
    {
        // Arrange
        var gold = Gold(Source, Labelled("retention.deleted_chats", "consumer", "P30D", "Deleted chats are removed within 30 days."));
        var found = Found(Source, Claim("retention.deleted_chats", "pro", "P30D", "Deleted chats are removed within 30 days."));

        // Act
        var report = Evaluator.Score(gold, found);

        // Assert
        Assert.Equal(new Score(0, 1, 1), report.ByTopic["retention.deleted_chats"]);
        Assert.Equal("pro", Assert.Single(report.Spurious).Scope);
        Assert.Equal("consumer", Assert.Single(report.Missed).Scope);
        Assert.Equal(0, report.Overall.F1);
    }

    [Fact]
    public void Score_NothingFoundNothingLabelled_IsPerfect()
    {
        // Arrange
        var gold = Gold(Source);

        // Act
        var report = Evaluator.Score(gold, Found(Source));

        // Assert
        Assert.Equal((1.0, 1.0, 1.0), (report.Overall.Precision, report.Overall.Recall, report.Overall.F1));
    }

    [Theory]
    [InlineData("Deleted chats are removed within 30 days.", "Deleted chats are removed within 30 days", true)]
    [InlineData("Deleted chats are removed within 30 days.", "deleted  chats are removed\nwithin 30 days.", true)]
    [InlineData("Deleted chats are removed within 30 days", "Good news: deleted chats are removed within 30 days, always.", true)]
    [InlineData("Deleted chats are removed within 30 days.", "Your account history stays until you close it.", false)]
    public void Score_FoundQuoteAgainstLabelledQuote_MatchesWhenOneContainsTheOther(string labelled, string foundQuote, bool matches)
    {
        // Arrange
        var gold = Gold(Source, Labelled("retention.deleted_chats", "consumer", "P30D", labelled));
        var found = Found(Source, Claim("retention.deleted_chats", "consumer", "P30D", foundQuote));

        // Act
        var report = Evaluator.Score(gold, found);

        // Assert
        Assert.Equal(matches ? new Score(1, 0, 0) : new Score(0, 1, 1), report.Overall);
    }

    [Fact]
    public void Score_ContradictionKeys_SplitIntoFoundMissedAndExtra()
    {
        // Arrange: the labels hold two contradictions; the extractor finds one of them and one the labels lack.
        var gold = new GoldFile(
        [
            new("a.txt",
            [
                new("anthropic", "training.default", "consumer", "opt-in", "Claude does not train on your chats unless you opt in."),
                new("openai", "sharing.sale", "consumer", "no", "OpenAI does not sell your data."),
                new("google", "rights.export", "consumer", "yes", "Gemini lets you export your data."),
            ]),
            new("b.txt",
            [
                new("anthropic", "training.default", "consumer", "opt-out", "Claude trains on your chats unless you opt out."),
                new("openai", "sharing.sale", "consumer", "yes", "OpenAI sells your data."),
            ]),
        ]);
        var found = new Dictionary<string, IReadOnlyList<ExtractedClaim>>(StringComparer.Ordinal)
        {
            ["a.txt"] =
            [
                new("anthropic", "training.default", "consumer", "opt-in", "Claude does not train on your chats unless you opt in.", default),
                new("google", "rights.export", "consumer", "yes", "Gemini lets you export your data.", default),
            ],
            ["b.txt"] =
            [
                new("anthropic", "training.default", "consumer", "opt-out", "Claude trains on your chats unless you opt out.", default),
                new("google", "rights.export", "all", "no", "Gemini does not let you export your data.", default),
            ],
        };

        // Act
        var report = Evaluator.Score(gold, found);

        // Assert
        Assert.Equal(["anthropic training.default"], report.ContradictionsFound);
        Assert.Equal(["openai sharing.sale"], report.ContradictionsMissed);
        Assert.Equal(["google rights.export"], report.ContradictionsExtra);
    }

    private static GoldFile Gold(string source, params GoldClaim[] claims) => new([new GoldDocument(source, claims)]);

    private static GoldClaim Labelled(string topic, string scope, string value, string quote) =>
        new("anthropic", topic, scope, value, quote);

    private static Dictionary<string, IReadOnlyList<ExtractedClaim>> Found(string source, params ExtractedClaim[] claims) =>
        new(StringComparer.Ordinal) { [source] = claims };

    // The evaluator compares quotes, not spans; the span only has to be a plausible one.
    private static ExtractedClaim Claim(string topic, string scope, string value, string quote) =>
        new("anthropic", topic, scope, value, quote, new TextSpan(0, quote.Length));
}
