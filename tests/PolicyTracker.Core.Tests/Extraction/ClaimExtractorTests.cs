using PolicyTracker.Core.Extraction;

namespace PolicyTracker.Core.Tests.Extraction;

public sealed class ClaimExtractorTests
{
    private static readonly ClaimExtractor Extractor = new(TopicCatalog.Default);

    private static IReadOnlyList<ExtractedClaim> ExtractParagraph(string sentence, string title = "OpenAI Privacy Policy") =>
        Extractor.Extract(new DocumentBuilder().Heading(title).Paragraph(sentence).Build(title));

    // Each row: a statement in the style of providers' policies and articles, and the one claim it must yield
    // as "subject topic scope value".
    [Theory]
    [InlineData("We don’t use your conversations to train our models unless you explicitly opt in.", "openai training.default consumer opt-in")]
    [InlineData("By default, your chats can be used to improve our models.", "openai training.default consumer opt-out")]
    [InlineData("When you use ChatGPT, we may use your content to train our models.", "openai training.default consumer opt-out")]
    [InlineData("By default, we do not train on any inputs or outputs from our API.", "openai training.default api opt-in")]
    [InlineData("Microsoft doesn’t use your data to train foundation models without your permission.", "microsoft training.default consumer opt-in")]
    [InlineData("If you choose to allow us to use your chats to improve Claude, we will retain this data for up to 5 years.", "anthropic retention.opted_in consumer P1825D")]
    [InlineData("Deleted conversations are removed from our systems within thirty (30) days.", "openai retention.deleted_chats consumer P30D")]
    [InlineData("If you close your account, we delete your data within 90 days.", "openai retention.closed_account consumer P90D")]
    [InlineData("If you turn off Gemini Apps Activity, your conversations will be saved with your account for up to 72 hours.", "google retention.opted_out consumer P3D")]
    [InlineData("Conversations flagged for trust and safety review are retained for up to 2 years.", "openai retention.safety_flagged consumer P730D")]
    [InlineData("Zero data retention is available for eligible API customers.", "openai retention.zero_retention_available api yes")]
    [InlineData("All data is encrypted at rest using AES-256.", "openai security.encryption_at_rest consumer AES-256")]
    [InlineData("Traffic between your device and our servers is protected with TLS 1.2 or higher.", "openai security.encryption_in_transit consumer TLS")]
    [InlineData("Access to user conversations is restricted to a limited number of authorized employees.", "openai security.employee_access_restricted consumer yes")]
    [InlineData("We do not sell your personal data.", "openai sharing.sale consumer no")]
    [InlineData("Google doesn’t use your Gemini conversations to show you targeted ads.", "google sharing.advertising consumer no")]
    [InlineData("You can export your data from the Settings page at any time.", "openai rights.export consumer yes")]
    [InlineData("You can delete your conversations at any time from your chat history.", "openai rights.deletion consumer yes")]
    [InlineData("You can opt out of training through our privacy portal.", "openai training.user_control consumer yes")]
    [InlineData("The new setting applies only to future chats, not past ones.", "openai training.setting_timing consumer future-only")]
    [InlineData("We introduced the training opt-out on 25 April 2023.", "openai training.opt_in_introduced consumer 2023-04-25")]
    [InlineData("For ChatGPT Enterprise customers, we do not train on your business data by default.", "openai training.default commercial opt-in")]
    public void Extract_PolicyStatement_YieldsTheClaim(string sentence, string expected)
    {
        var claims = ExtractParagraph(sentence);

        Assert.Contains(expected, claims.Select(c => $"{c.Subject} {c.Topic} {c.Scope} {c.Value}"));
    }

    [Fact]
    public void Extract_ControlAfterASentenceAboutTraining_IsTrainingControl()
    {
        var claims = ExtractParagraph("Its opt-in system puts you in the driver’s seat. You decide what happens with your conversations.");

        Assert.Contains(claims, c => (c.Topic, c.Value, c.Quote) == ("training.user_control", "yes", "You decide what happens with your conversations"));
    }

    [Fact]
    public void Extract_ControlAfterASentenceAboutSomethingElse_YieldsNoClaim()
    {
        var claims = ExtractParagraph("Our support team answers within a day. You decide what happens with your conversations.");

        Assert.Empty(claims);
    }

    [Fact]
    public void Extract_FragmentAfterAControlTakenFromTheSentenceBefore_DoesNotNegateIt()
    {
        var claims = ExtractParagraph("Its opt-in system puts you in the driver’s seat. You decide what happens with your conversations. No exceptions.");

        Assert.DoesNotContain(claims, c => c.Topic == "training.user_control" && c.Value == "no");
    }

    [Fact]
    public void Extract_ThisSettingOnAPageAboutTheSettings_IsTrainingControl()
    {
        const string title = "Verifying Your Privacy Settings";
        var claims = Extractor.Extract(new DocumentBuilder().Heading(title).Paragraph("You can enable or disable this setting whenever you want.").Build(title));

        Assert.Contains(claims, c => (c.Topic, c.Value) == ("training.user_control", "yes"));
    }

    [Fact]
    public void Extract_SentenceOpeningWithIfYouOptIn_IsNotTheDefault()
    {
        var claims = ExtractParagraph("If you opt in, we apply filters to remove sensitive items before any training use.");

        Assert.DoesNotContain(claims, c => c.Topic == "training.default");
    }

    // Statements a careful reader would not take as a claim.
    [Theory]
    [InlineData("Does Anthropic train on your data?")]
    [InlineData("Many AI companies use your conversations to train their models by default.")]
    [InlineData("We retain personal data for as long as reasonably necessary.")]
    [InlineData("Anthropic uses something called Constitutional AI for training.")]
    [InlineData("Estimated time: 2-3 minutes.")]
    [InlineData("We sell subscriptions to businesses.")]
    [InlineData("After nineteen years in AI, I have seen many privacy policies.")]
    public void Extract_NoConcreteStatement_YieldsNoClaim(string sentence)
    {
        var claims = ExtractParagraph(sentence, "Anthropic Privacy Policy");

        Assert.Empty(claims);
    }

    [Fact]
    public void Extract_ListItemUnderNegatedLeadIn_IsNegated()
    {
        var document = new DocumentBuilder()
            .Paragraph("Your data won’t be:")
            .Item("Sold to third parties")
            .Item("Used for targeted advertising")
            .Build("Anthropic");

        var claims = Extractor.Extract(document);

        Assert.Contains(claims, c => c is { Topic: "sharing.sale", Value: "no", Quote: "Sold to third parties" });
        Assert.Contains(claims, c => c is { Topic: "sharing.advertising", Value: "no" });
    }

    [Fact]
    public void Extract_ListItemNamingAnotherCompany_TakesThatSubject()
    {
        var document = new DocumentBuilder()
            .Paragraph("Anthropic trains only on data you share. Other assistants differ:")
            .Item("OpenAI (ChatGPT): Uses conversations for training unless you opt out")
            .Build("Does Anthropic Train on Your Data");

        var claim = Assert.Single(Extractor.Extract(document), c => c.Topic == "training.default");

        Assert.Equal(("openai", "opt-out"), (claim.Subject, claim.Value));
        Assert.Equal("OpenAI (ChatGPT): Uses conversations for training unless you opt out", claim.Quote);
    }

    [Fact]
    public void Extract_LeadInNamingAPlan_GivesTheItemsItsScope()
    {
        var document = new DocumentBuilder()
            .Paragraph("Claude Pro Users:")
            .Item("Conversations are not used for model improvement by default")
            .Build("Anthropic");

        var claim = Assert.Single(Extractor.Extract(document));

        Assert.Equal(("training.default", "pro", "opt-in"), (claim.Topic, claim.Scope, claim.Value));
    }

    [Fact]
    public void Extract_RunOnSentence_QuotesOnlyTheClauseWithTheEvidence()
    {
        const string sentence = "my short answer: No, it’s not without your permission, anthropic doesn’t use your Claude conversations to train their AI models unless you explicitly opt in, this sets them apart from many AI companies that harvest data.";

        var claim = Assert.Single(ExtractParagraph(sentence, "Anthropic"), c => c.Topic == "training.default");

        Assert.Equal("anthropic doesn’t use your Claude conversations to train their AI models unless you explicitly opt in", claim.Quote);
    }

    [Fact]
    public void Extract_Fragment_ReadsWithThePreviousSentence()
    {
        var claims = ExtractParagraph("Our opt-in system puts you in control. You decide what happens with your conversations. No exceptions.", "Anthropic");

        var claim = Assert.Single(claims, c => c.Topic == "training.safety_exception");
        Assert.Equal(("no", "You decide what happens with your conversations. No exceptions"), (claim.Value, claim.Quote));
    }

    [Fact]
    public void Extract_EveryClaim_QuoteIsTheSliceOfItsSpan()
    {
        var document = new DocumentBuilder()
            .Heading("Data Retention")
            .Paragraph("They follow clear deletion schedules:")
            .Item("Deleted chats: Removed within 30 days")
            .Item("Closed accounts: All data deleted within 90 days")
            .Paragraph("We use AES-256 encryption. All traffic is secured by TLS.")
            .Build("Anthropic");

        var claims = Extractor.Extract(document);

        Assert.Equal(4, claims.Count);
        Assert.All(claims, c => Assert.Equal(c.Quote, document.Text[c.Span.Start..c.Span.End]));
    }
}
