using System.Text;
using PolicyTracker.Core.Text;
using PolicyTracker.Core.Versions;

namespace PolicyTracker.Core.Tests.Versions;

public sealed class QuoteAnchorTests
{
    private const string Quote = "We delete your conversations within 30 days after you delete them from your account.";

    private const string Before = "Privacy Policy\nWe collect the information you give us when you sign up. ";
    private const string After = " Backups are kept separately and expire on their own schedule.\nContact us at privacy@example.com.";

    private static TextSpan SpanOf(string text, string quote)
    {
        var start = text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{quote}' is not in the text");
        return new TextSpan(start, start + quote.Length);
    }

    private static AnchorResult Anchor(string oldText, string quote, string newText) =>
        QuoteAnchor.Anchor(oldText, SpanOf(oldText, quote), newText);

    [Fact]
    public void Anchor_UnchangedText_IsSame()
    {
        var text = Before + Quote + After;

        var result = Anchor(text, Quote, text);

        Assert.Equal(AnchorKind.Same, result.Kind);
        Assert.Equal(SpanOf(text, Quote), result.Span);
    }

    [Fact]
    public void Anchor_ParagraphInsertedBefore_IsMovedToTheSameWords()
    {
        var oldText = Before + Quote + After;
        var newText = "A new paragraph about cookies and analytics tools.\n" + oldText;

        var result = Anchor(oldText, Quote, newText);

        Assert.Equal(AnchorKind.Moved, result.Kind);
        Assert.Equal(Quote, result.Span!.Value.Slice(newText));
    }

    [Fact]
    public void Anchor_QuoteOccursTwice_PrefersTheOccurrenceInTheOldContext()
    {
        const string sale = "We do not sell your personal data.";
        var oldText = "For customers of the API platform: " + sale + " Logs expire after 30 days.\n"
            + "For people using the consumer app: " + sale + " Chats are kept while your account exists.";
        var newText = "Intro added.\nFor people using the consumer app: " + sale + " Chats are kept while your account exists.\n"
            + "For customers of the API platform: " + sale + " Logs expire after 30 days.";
        var second = new TextSpan(oldText.LastIndexOf(sale, StringComparison.Ordinal), oldText.LastIndexOf(sale, StringComparison.Ordinal) + sale.Length);

        var result = QuoteAnchor.Anchor(oldText, second, newText);

        Assert.Equal(AnchorKind.Moved, result.Kind);
        Assert.Equal(newText.IndexOf(sale, StringComparison.Ordinal), result.Span!.Value.Start);
    }

    [Fact]
    public void Anchor_OnlyWrappingAndQuoteStyleDiffer_IsMoved()
    {
        const string oldQuote = "We don't \"sell\" your data - ever.";
        var oldText = Before + oldQuote + After;
        var newText = Before + "We don\u2019t \u201Csell\u201D\n   your data \u2014 ever." + After;

        var result = Anchor(oldText, oldQuote, newText);

        Assert.Equal(AnchorKind.Moved, result.Kind);
        Assert.Equal("We don\u2019t \u201Csell\u201D\n   your data \u2014 ever.", result.Span!.Value.Slice(newText));
    }

    [Theory]
    [InlineData("We delete your conversations within 90 days after you delete them from your account.")]
    [InlineData("We permanently delete your conversations within 30 days after you remove them from your account.")]
    [InlineData("We delete your conversations within 30 days after you delete them from your account, unless the law requires us to keep them longer.")]
    [InlineData("We delete your conversations within 30 days after you\ndelete them from the account.")]
    public void Anchor_StatementEditedInPlace_IsChangedToTheWholeNewSentence(string edited)
    {
        var oldText = Before + Quote + After;
        var newText = Before + edited + After;

        var result = Anchor(oldText, Quote, newText);

        Assert.Equal(AnchorKind.Changed, result.Kind);
        Assert.Equal(edited, result.Span!.Value.Slice(newText));
        Assert.InRange(result.Similarity, QuoteAnchor.MinimumSimilarity, 1);
    }

    [Theory]
    [InlineData("We delete your conversations within 90 days after you delete them from your account.")]
    [InlineData("We delete your conversations within 30 days after you delete them from your account, unless the law requires us to keep them longer.")]
    public void Anchor_EditedStatementBackToTheOldOne_IsChangedToTheOldSentence(string edited)
    {
        var editedText = Before + edited + After;
        var originalText = Before + Quote + After;

        var result = Anchor(editedText, edited, originalText);

        Assert.Equal(AnchorKind.Changed, result.Kind);
        Assert.Equal(Quote, result.Span!.Value.Slice(originalText));
    }

    [Fact]
    public void Anchor_EditedStatementMovedToAnotherSection_FollowsIt()
    {
        var oldText = Before + Quote + After;
        var newText = "Contact us at privacy@example.com.\nRetention\nSome intro text about our storage.\n"
            + "We delete your conversations within 60 days after you delete them from your account.\n" + Before;

        var result = Anchor(oldText, Quote, newText);

        Assert.Equal(AnchorKind.Changed, result.Kind);
        Assert.Equal("We delete your conversations within 60 days after you delete them from your account.", result.Span!.Value.Slice(newText));
    }

    [Fact]
    public void Anchor_StatementReplacedByUnrelatedSentenceOfSameLength_IsLost()
    {
        var oldText = Before + Quote + After;
        var newText = Before + "We share your contact details with payment processors to bill your subscription." + After;

        var result = Anchor(oldText, Quote, newText);

        Assert.Equal(AnchorKind.Lost, result.Kind);
        Assert.Null(result.Span);
    }

    [Fact]
    public void Anchor_UnrelatedSentenceBackToTheQuote_IsLostToo()
    {
        const string other = "We share your contact details with payment processors to bill your subscription.";
        var oldText = Before + other + After;
        var newText = Before + Quote + After;

        Assert.Equal(AnchorKind.Lost, Anchor(oldText, other, newText).Kind);
    }

    [Fact]
    public void Anchor_ManyQuotesInLargeTexts_AnchorsEachToItsOwnSentence()
    {
        // About 200 KB of distinct numbered statements; every tenth is edited in the new version.
        var oldText = new StringBuilder();
        var newText = new StringBuilder();
        var spans = new List<TextSpan>();
        for (var i = 0; i < 2500; i++)
        {
            var statement = $"Item {i}: records of kind k{i} are stored in region r{i % 7} for {i % 90} days before review.";
            spans.Add(new TextSpan(oldText.Length, oldText.Length + statement.Length));
            oldText.Append(statement).Append('\n');
            newText.Append(i % 10 == 0 ? statement.Replace("before review", "before an annual review", StringComparison.Ordinal) : statement).Append('\n');
        }

        var anchor = new QuoteAnchor(oldText.ToString(), "Preface line.\n" + newText);
        var text = "Preface line.\n" + newText;
        var results = spans.Where((_, i) => i % 8 == 0).Select(span => (Span: span, Result: anchor.Anchor(span))).ToList();

        Assert.Equal(313, results.Count);
        Assert.All(results, r =>
        {
            var index = spans.IndexOf(r.Span);
            Assert.Equal(index % 10 == 0 ? AnchorKind.Changed : AnchorKind.Moved, r.Result.Kind);
            Assert.StartsWith($"Item {index}: records of kind k{index} ", r.Result.Span!.Value.Slice(text), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Anchor_SpanOutsideTheOldText_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteAnchor.Anchor("short", new TextSpan(2, 40), "short"));
    }
}
