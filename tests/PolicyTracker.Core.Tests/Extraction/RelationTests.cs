using PolicyTracker.Core.Extraction;

namespace PolicyTracker.Core.Tests.Extraction;

/// <summary>
/// The failure classes read off real policies, each pinned in both directions with a sentence of our own: the
/// boilerplate makes no claim (or only a suggestion), and the real statement beside it still makes its claim.
/// </summary>
public sealed class RelationTests
{
    private const string Title = "Acme Privacy Policy";

    private static readonly ClaimExtractor Extractor = new(TopicCatalog.Default);

    private static IReadOnlyList<ExtractedClaim> Extract(string sentence, string heading = "How we use information") =>
        Extractor.Extract(new DocumentBuilder().Heading(Title).Heading(heading).Paragraph(sentence).Build(Title));

    // A Markdown document read as an upload of it would be: tables keep their header rows.
    private static PolicyTracker.Core.Sources.ExtractedDocument FromMarkdown(string markdown) =>
        PolicyTracker.Core.Sources.SourceReader.Read("policy.md", System.Text.Encoding.UTF8.GetBytes(markdown));

    // Claims, not suggestions, as "topic value".
    private static IEnumerable<string> Confident(IReadOnlyList<ExtractedClaim> claims) =>
        claims.Where(c => !c.IsSuggestion(Confidence.DefaultThreshold)).Select(c => $"{c.Topic} {c.Value}");

    // Class 1, a keyword decides the claim; 2, the actor is ignored; 3, headings and glossary entries;
    // 4, narrow statements; 5, conditions read as defaults; 6, other controls read as the training setting;
    // 7, similar topics confused.
    [Theory]
    [InlineData("1", "In connection with a merger or sale of company assets, your information may be transferred to the buyer.", "sharing.sale")]
    [InlineData("1", "Our Services may not be used in violation of export control laws, and you may not export them to embargoed countries.", "rights.export")]
    [InlineData("1", "We use safeguards to protect your information from accidental deletion.", "rights.deletion")]
    [InlineData("1", "For questions about how long we keep data before we delete it, contact privacy@acme.example.", "rights.deletion")]
    [InlineData("1", "You may not reverse engineer or decompile the Services or attempt to access our source code.", "security.employee_access_restricted")]
    [InlineData("2", "Advertisers may use cookies to show you personalized ads on other websites.", "sharing.advertising")]
    [InlineData("2", "The Customer may delete End User data at any time.", "rights.deletion")]
    [InlineData("2", "We use your conversations to train our models.", "sharing.third_party_training")]
    [InlineData("2", "We may use data collected from third party sources to train our models.", "sharing.third_party_training")]
    [InlineData("2", "Most AI companies sell user data to advertisers.", "sharing.sale")]
    [InlineData("2", "Where a user has made an email address public, do not use it for sending spam or selling personal information.", "sharing.sale")]
    [InlineData("3", "“Data Portability” means the right to receive a copy of your data in a portable format.", "rights.export")]
    [InlineData("4", "We do not show personalized ads based on sensitive categories of data.", "sharing.advertising")]
    [InlineData("6", "You have the right to opt out of the sale of your personal information and of the processing of your personal information for targeted advertising.", "sharing.advertising")]
    [InlineData("4", "We do not sell the personal information of children under 13.", "sharing.sale")]
    [InlineData("4", "We may sell aggregated, de-identified data that cannot reasonably be used to identify you.", "sharing.sale")]
    [InlineData("5", "If you have opted in, we may use your chats to train our models.", "training.default")]
    [InlineData("5", "Where the user has opted into training, conversations are used to improve our models.", "training.default")]
    [InlineData("5", "When we use your conversations to train our models, we remove account identifiers first.", "training.default")]
    [InlineData("5", "If you participate in our beta program, we may use your feedback and chats to improve our models.", "training.default")]
    [InlineData("2", "Our employees may review conversations to enforce our policies.", "security.employee_access_restricted")]
    [InlineData("6", "You can opt out of personalized recommendations in your settings.", "training.user_control")]
    [InlineData("6", "You can unsubscribe from marketing emails at any time.", "training.user_control")]
    [InlineData("7", "We keep product reviews and ratings for 2 years.", "retention.active")]
    [InlineData("7", "Log data is retained for 12 months.", "retention.active")]
    [InlineData("7", "We keep your account information for as long as your account is open.", "retention.active")]
    [InlineData("7", "Your prompts and responses are stored for 90 days and then deleted automatically.", "retention.deleted_chats")]
    [InlineData("5", "Even when Help improve Acme is off, inputs that our abuse-detection systems flag may be used to train our classifiers.", "training.default")]
    [InlineData("6", "We introduced a new choice for users on our Free and Pro plans: whether their chats can be used to train our models.", "training.default")]
    [InlineData("2", "None of the companion apps we tested lets you switch off training.", "training.user_control")]
    [InlineData("7", "We do not allow our service providers or advertising partners to use your inputs to train their own models.", "sharing.advertising")]
    [InlineData("2", "If you use Acme through your employer, that organization can see your documents and export or delete your content under its own policies.", "rights.deletion")]
    [InlineData("1", "We test our systems, train our staff on privacy and security, and require our vendors to protect the information we share with them.", "sharing.third_party_training")]
    [InlineData("3", "We will tell you about material changes, in particular to how we use conversations for training.", "training.default")]
    [InlineData("3", "Making identifiers available to advertising partners for cross-context behavioral advertising may be considered \"sharing\" under some state laws.", "sharing.advertising")]
    [InlineData("7", "You decide how long chat logs are kept, from 7 days to indefinitely.", "retention.active")]
    [InlineData("1", "If you do not sign in for 24 consecutive months, we may treat your account as inactive, let you know, and then delete it.", "rights.deletion")]
    [InlineData("2", "Some of these cookies are set by advertising partners, who may use them to show you ads for Acme on other websites.", "sharing.advertising")]
    [InlineData("2", "Our contracts with the providers of third-party models forbid them from using your content to train or improve their models.", "training.default")]
    [InlineData("6", "When you choose a third-party model, we pass your prompt to its provider.", "training.user_control")]
    [InlineData("2", "If you join a workspace, the workspace administrator can add and remove members, and can export or delete workspace content.", "rights.export")]
    [InlineData("7", "Content flagged as violating our policies may be kept for up to 2 years, even if you close your account.", "retention.closed_account")]
    [InlineData("5", "If you upload content from Google Drive, we do not use that content to train our models.", "training.default")]
    [InlineData("6", "When you sign up, we will ask whether you want to allow us to use your chats to train our models.", "training.default")]
    [InlineData("6", "Whatever you choose, incognito chats are never used to train our models.", "training.user_control")]
    [InlineData("7", "Once your account is closed, we delete your chat history within 30 days, except for content that has been flagged under our policies.", "training.safety_exception")]
    [InlineData("7", "We may also delete accounts that have not been logged in to for more than two years.", "retention.closed_account")]
    [InlineData("7", "These logs are kept for 90 days.", "retention.active")]
    [InlineData("2", "Some of these technologies are placed by advertising partners, which may use them to show you interest-based ads.", "sharing.advertising")]
    [InlineData("3", "Several state laws define a \"sale\" broadly, and California also regulates \"sharing\" for cross-context behavioral advertising.", "sharing.advertising")]
    [InlineData("1", "Verification. Requests for deletion of personal information are subject to our ability to verify your identity.", "rights.deletion")]
    public void Extract_Boilerplate_MakesNoClaimOnTheTopic(string failureClass, string sentence, string topic)
    {
        var claims = Extract(sentence);

        Assert.True(
            !Confident(claims).Any(c => c.StartsWith(topic + " ", StringComparison.Ordinal)),
            $"class {failureClass}: {string.Join(", ", Confident(claims))}");
    }

    [Theory]
    [InlineData("1", "We do not sell your personal information.", "sharing.sale no")]
    [InlineData("1", "You can export a copy of your data at any time.", "rights.export yes")]
    [InlineData("1", "You can request deletion of your personal data.", "rights.deletion yes")]
    [InlineData("1", "To delete your data, contact privacy@acme.example.", "rights.deletion yes")]
    [InlineData("1", "We will delete your information upon request.", "rights.deletion yes")]
    [InlineData("4", "We do not sell personal information, and we only share aggregated, de-identified data.", "sharing.sale no")]
    [InlineData("1", "Only a small number of authorized employees can access your conversations.", "security.employee_access_restricted yes")]
    [InlineData("1", "Only members of our Trust and Safety team can access conversations flagged for review.", "security.employee_access_restricted yes")]
    [InlineData("2", "We use your data to show you personalized ads.", "sharing.advertising yes")]
    [InlineData("2", "Ads in the app may be personalized based on your activity.", "sharing.advertising yes")]
    [InlineData("4", "Ads are not based on the content of your conversations.", "sharing.advertising no")]
    [InlineData("2", "You can delete your data at any time.", "rights.deletion yes")]
    [InlineData("2", "We use your conversations to train our models.", "training.default opt-out")]
    [InlineData("2", "Unless you opt out, Acme may use inputs and outputs from Free, Individual and Standard accounts to train its models.", "training.default opt-out")]
    [InlineData("2", "Our contracts with the providers of third-party models forbid them from using your content to train their models.", "sharing.third_party_training no")]
    [InlineData("2", "We do not license your content to other companies so that they can train their own models.", "sharing.third_party_training no")]
    [InlineData("6", "Individual plans do not currently include a setting to exclude your content from training.", "training.user_control no")]
    [InlineData("6", "Workspace administrators can opt their workspace out of model training at any time.", "training.user_control yes")]
    [InlineData("6", "You can switch off Improve Acme for everyone under Settings, and switch it back on whenever you like.", "training.user_control yes")]
    [InlineData("7", "The opt-out for Enterprise workspaces has been available since March 4, 2024.", "training.opt_in_introduced 2024-03-04")]
    [InlineData("7", "Assets you delete are moved to the Trash and permanently removed 30 days later.", "retention.deleted_chats P30D")]
    [InlineData("7", "For Enterprise customers, we delete the organization's data within 60 days after the subscription ends.", "retention.closed_account P60D")]
    [InlineData("5", "Even in a workspace that has opted out, we may use inputs that our moderation systems flag to train our classifiers.", "training.safety_exception yes")]
    [InlineData("1", "While your account is open, you can download any output or uploaded asset in its original format.", "rights.export yes")]
    [InlineData("2", "If you use the API, we do not use your data to train our models.", "training.default opt-in")]
    [InlineData("2", "When you use the free version, we store your Texts and Translations and may use them to train and improve our models.", "training.default opt-out")]
    [InlineData("2", "You grant Acme a licence to copy, store, modify and otherwise use your content in connection with the Services, including to train and improve our models.", "training.default opt-out")]
    [InlineData("2", "We do not let the companies that host our data train their own models on your content.", "sharing.third_party_training no")]
    [InlineData("6", "When you sign up, we will ask whether you want to allow us to use your chats to train our models.", "training.user_control yes")]
    [InlineData("6", "Free plan members do not have access to the Model Improvement setting.", "training.user_control no")]
    [InlineData("6", "Paid subscribers can switch Model Improvement off whenever they like.", "training.user_control yes")]
    [InlineData("5", "Regardless of your Model Improvement setting, prompts that violate our guidelines may be used to train our filters.", "training.safety_exception yes")]
    [InlineData("1", "Because your texts are not stored, no Acme employee is able to read them.", "security.employee_access_restricted yes")]
    [InlineData("7", "Once your account is closed, we delete your chat history within 30 days, except for content that has been flagged under our policies.", "retention.closed_account P30D")]
    [InlineData("7", "Your songs stay in your account for as long as your account is active, unless you delete them sooner.", "retention.active account-lifetime")]
    [InlineData("7", "Songs you move to Trash stay there for 30 days and are then permanently deleted.", "retention.deleted_chats P30D")]
    [InlineData("1", "You can download the songs you create as MP3 files.", "rights.export yes")]
    [InlineData("1", "Portability. You can request that we provide your personal information to you or another company.", "rights.export yes")]
    [InlineData("1", "You have the right to receive your personal data in a structured format and to transmit it to another controller.", "rights.export yes")]
    [InlineData("1", "We will honor requests to delete personal information as required by applicable law.", "rights.deletion yes")]
    [InlineData("5", "Turning the setting off applies only to content you submit afterwards; inputs already included in a training dataset are not removed from it.", "training.setting_timing future-only")]
    [InlineData("5", "Switching the setting off takes effect immediately and also withdraws content you shared earlier.", "training.setting_timing past-and-future")]
    [InlineData("5", "If you opt out, we will not use your previously stored chats in future training runs.", "training.setting_timing past-and-future")]
    [InlineData("6", "Users on the Free plan cannot opt out of model training, so if you do not want your content used, you should upgrade or stop using the Services.", "training.user_control no")]
    [InlineData("6", "Right to object: to object to processing based on our legitimate interests, including the use of your content to train our models, and to object at any time to direct marketing.", "training.user_control yes")]
    [InlineData("2", "Where a law requires it, we do not sell your personal information.", "sharing.sale no")]
    [InlineData("2", "Third parties may use your data to train their own models.", "sharing.third_party_training yes")]
    [InlineData("3", "You have the right to data portability.", "rights.export yes")]
    [InlineData("4", "We do not use your data for targeted advertising.", "sharing.advertising no")]
    [InlineData("5", "We may use your chats to train our models unless you opt out.", "training.default opt-out")]
    [InlineData("5", "Unless you opt out, we use your chats to train our models.", "training.default opt-out")]
    [InlineData("5", "We process your prompts to improve our models only with your consent.", "training.default opt-in")]
    [InlineData("5", "Team workspaces are excluded from training by default.", "training.default opt-in")]
    [InlineData("5", "We process your prompts to improve our models.", "training.default opt-out")]
    [InlineData("5", "When you chat with Acme, we use your conversations to train our models.", "training.default opt-out")]
    [InlineData("2", "Our vendors host some features; they do not use your data to train their models.", "sharing.third_party_training no")]
    [InlineData("5", "WE WILL NOT USE CONTENT TO TRAIN ANY AI MODELS UNLESS YOU’VE EXPLICITLY AGREED TO IT.", "training.default opt-in")]
    [InlineData("6", "You can opt out of model training in your settings.", "training.user_control yes")]
    [InlineData("7", "We keep your conversations for 2 years.", "retention.active P730D")]
    [InlineData("7", "Your conversations and usage data are retained for 12 months.", "retention.active P360D")]
    [InlineData("7", "Your prompts and responses are stored for 90 days and then deleted automatically.", "retention.active P90D")]
    [InlineData("7", "Conversations you delete are removed from our systems within 14 days.", "retention.deleted_chats P14D")]
    [InlineData("1", "You may have the right to access, correct, delete or port your personal information.", "rights.export yes")]
    [InlineData("2", "Requests you send to the Acme API are not used to train or fine-tune models.", "training.default opt-in")]
    [InlineData("5", "Acme leaves your inputs out of model training unless you switch on Help improve Acme in your settings.", "training.default opt-in")]
    [InlineData("5", "We train our models on your conversations.", "training.default opt-out")]
    [InlineData("5", "Acme trains its proprietary AI models on audio recordings and transcripts from your account.", "training.default opt-out")]
    [InlineData("2", "Acme employees do not access your conversations unless you ask us to for troubleshooting.", "security.employee_access_restricted yes")]
    [InlineData("2", "Our agreements with these model providers do not permit them to use your prompts, files, or outputs to train their models.", "sharing.third_party_training no")]
    [InlineData("2", "Acme does not use any of your audio, video, chat, or other content (such as poll results and reactions) to train Acme's or third-party models.", "sharing.third_party_training no")]
    [InlineData("7", "Conversations with Acme AI are saved in your chat history until you delete them or your account is closed.", "retention.active account-lifetime")]
    [InlineData("7", "Documents and chat history stay in your account for as long as you keep the account open, unless you delete them earlier.", "retention.active account-lifetime")]
    [InlineData("7", "Questions you ask the assistant, together with its answers, are kept for up to 18 months and then deleted.", "retention.active P540D")]
    [InlineData("1", "You can delete a cloud recording at any time from the Recordings page.", "rights.deletion yes")]
    [InlineData("2", "The ads you see may be based on the content of your current conversation.", "sharing.advertising yes")]
    [InlineData("2", "Acme engineers don't have standing access to your content.", "security.employee_access_restricted yes")]
    [InlineData("5", "Acme never trains on data from its Enterprise plan.", "training.default opt-in")]
    public void Extract_RealStatement_StillMakesItsClaim(string failureClass, string sentence, string expected)
    {
        var claims = Extract(sentence);

        Assert.True(Confident(claims).Contains(expected), $"class {failureClass}: {string.Join(", ", Confident(claims))}");
    }

    // A marked heading in any case; a paragraph that reads as a heading (capitals, or every longer word capitalised).
    [Theory]
    [InlineData("No sale or targeted advertising", true)]
    [InlineData("Deletion Request Rights", false)]
    [InlineData("SELLING INFORMATION", false)]
    public void Extract_HeadingLine_MakesNoClaim(string line, bool markedAsHeading)
    {
        var builder = new DocumentBuilder().Heading(Title);
        builder = markedAsHeading ? builder.Heading(line) : builder.Paragraph(line);

        var claims = Extractor.Extract(builder.Paragraph("We collect your email address.").Build(Title));

        Assert.Empty(claims);
    }

    [Fact]
    public void Extract_StatementUnderAHeadingAboutTheSettingOff_IsNotTheDefault()
    {
        var off = Extract("Your chats are not used to train our models.", heading: "If the setting is off");
        var general = Extract("Your chats are not used to train our models.", heading: "Model training");

        Assert.DoesNotContain("training.default opt-in", Confident(off));
        Assert.Contains("training.default opt-in", Confident(general));
    }

    // Class 8: a claim fanned out to every plan a document mentions is wrong for all but one; a statement names its own.
    [Theory]
    [InlineData("Enterprise customers' data is not used for training our models.", "commercial")]
    [InlineData("We use consumer chats to train our models unless you opt out.", "consumer")]
    [InlineData("We do not train on inputs sent through our API.", "api")]
    [InlineData("On the Creator and Pro plans, we do not use your chats to train our models.", "consumer")]
    [InlineData("On a Basic or Pro account, we do not use your chats to train our models.", "consumer")]
    [InlineData("Basic plan users' chats are not used to train our models.", "free")]
    [InlineData("Content on AcmeGov is never used to train our models.", "government")]
    [InlineData("Unless you opt out, we may use chats from Free, Individual and Standard accounts to train our models.", "consumer")]
    [InlineData("On the Standard, Pro and Unlimited plans, we use your chats to train our models.", "consumer")]
    public void Extract_StatementNamingOnePlan_HasThatScopeOnly(string sentence, string scope)
    {
        var claims = Extract(sentence).Where(c => c.Topic == "training.default").ToList();

        Assert.Equal([scope], claims.Select(c => c.Scope));
    }

    // "Your workspace" is the person's own space, whatever the plan; a business's or team's workspace is commercial.
    [Theory]
    [InlineData("You can delete any document or chat from your workspace at any time.", "consumer")]
    [InlineData("Members of a business workspace can delete any document or chat at any time.", "commercial")]
    public void Extract_WorkspaceNamed_ItsOwnerGivesTheScope(string sentence, string scope)
    {
        var claim = Assert.Single(Extract(sentence), c => c.Topic == "rights.deletion");

        Assert.Equal(scope, claim.Scope);
    }

    [Fact]
    public void Extract_PlanNamedAsOneToMoveTo_IsNotTheStatementsScope()
    {
        var claims = Extract("To opt out of model training, contact us at privacy@acme.test or upgrade to a Business plan.");

        var control = Assert.Single(claims, c => c.Topic == "training.user_control");
        Assert.Equal("consumer", control.Scope);
    }

    [Fact]
    public void Extract_Claim_CarriesConfidenceAndTheCuesThatMadeIt()
    {
        const string sentence = "We do not sell your personal information.";

        var claim = Assert.Single(Extract(sentence));

        Assert.InRange(claim.Confidence, Confidence.DefaultThreshold, 1);
        Assert.Contains(claim.Cues, c => c.Kind == CueKind.Actor && c.Text == "We");
        Assert.Contains(claim.Cues, c => c.Kind == CueKind.Action && c.Text == "sell");
        Assert.Contains(claim.Cues, c => c.Kind == CueKind.Negation && c.Text == "not");
        Assert.Contains(claim.Cues, c => c.Kind == CueKind.DataObject && c.Text == "information");
        Assert.Contains(claim.Cues, c => c.Kind == CueKind.Heading && c.Text == "How we use information");

        // Every cue with a place is a slice of the quote or stands before it.
        Assert.All(claim.Cues.Where(c => c.Span is not null && c.Kind != CueKind.Heading), c =>
            Assert.True(claim.Span.Start <= c.Span!.Value.Start && c.Span.Value.End <= claim.Span.End));
    }

    [Fact]
    public void Extract_CuesOfSubjectAndScope_AreTheWordsStandingAtTheirPlace()
    {
        // Later in the document than its first block, so a span of the statement's view is not one of the document.
        var document = new DocumentBuilder().Heading(Title).Heading("How we use information")
            .Paragraph("We describe our practices below.")
            .Paragraph("Enterprise customers of OpenAI can delete their chats at any time.")
            .Build(Title);

        var claim = Assert.Single(Extractor.Extract(document), c => c.Topic == "rights.deletion");

        Assert.Equal(("openai", "commercial"), (claim.Subject, claim.Scope));
        Assert.Contains(claim.Cues, c => c.Kind == CueKind.Subject && c.Text == "OpenAI");
        Assert.Contains(claim.Cues, c => c.Kind == CueKind.Scope && c.Text == "Enterprise");
        Assert.All(claim.Cues.Where(c => c.Span is not null), c => Assert.Equal(c.Text, c.Span!.Value.Slice(document.Text)));
    }

    [Fact]
    public void Extract_NarrowStatement_IsASuggestionSayingWhy()
    {
        var claim = Assert.Single(Extract("We do not sell the personal information of children under 13."));

        Assert.True(claim.IsSuggestion(Confidence.DefaultThreshold));
        Assert.Contains(claim.Cues, c => c.Kind == CueKind.Doubt && c.Text.Contains("special case", StringComparison.Ordinal));
    }

    // Organisations given as examples of others ("partners, such as LinkedIn and Google") are not what the statement is about.
    [Fact]
    public void Extract_OrganisationsGivenAsExamples_AreNotTheSubject()
    {
        var document = new DocumentBuilder()
            .Paragraph("Privacy notice")
            .Paragraph("Acme, Inc. (“Acme”, “we” or “us”) explains here how we handle data.")
            .Paragraph("We share your data with advertising partners, such as LinkedIn and Google, to show you targeted ads.")
            .Build();

        var claim = Assert.Single(Extractor.Extract(document));

        Assert.Equal(("acme", "sharing.advertising", "yes"), (claim.Subject, claim.Topic, claim.Value));
    }

    [Fact]
    public void Extract_DocumentDeclaringItsOwner_TakesTheOwnerAsSubject()
    {
        var document = new DocumentBuilder()
            .Paragraph("Privacy notice")
            .Paragraph("Brightline Labs, Inc. (“Brightline”, “we” or “us”) explains here how we handle data.")
            .Paragraph("We do not sell your personal information.")
            .Build();

        var claim = Assert.Single(Extractor.Extract(document));

        Assert.Equal("brightline", claim.Subject);
    }

    // The short name a company defines for itself is its subject, not its legal name cut down; its words run together
    // and a closing "AI" is dropped, as analysts write the slug.
    [Theory]
    [InlineData("Nine Labs Inc. (together with its affiliates, “NineLabs”, “we” or “us”) explains here how we handle data.", "ninelabs")]
    [InlineData("Nine Labs Ltd. (the “Company”, “we”) explains here how we handle data.", "nine")]
    [InlineData("Hugging Face, Inc. (“Hugging Face”, “we” or “us”) explains here how we handle data.", "huggingface")]
    [InlineData("Steady AI Ltd. (“Steady AI”, “we”) explains here how we handle data.", "steady")]
    [InlineData("Persona.AI, Inc. (“Persona.AI”, “we”) explains here how we handle data.", "persona")]
    [InlineData("This statement describes how Nimbus Communications, Inc. and its affiliates (“Nimbus,” “we,” “us”) handle data.", "nimbus")]
    public void Extract_DocumentDefiningItsShortName_TakesThatNameAsSubject(string declaration, string subject)
    {
        var document = new DocumentBuilder()
            .Paragraph("Privacy notice")
            .Paragraph(declaration)
            .Paragraph("We do not sell your personal information.")
            .Build();

        var claim = Assert.Single(Extractor.Extract(document));

        Assert.Equal(subject, claim.Subject);
    }

    // A policy titled with a company the catalog does not know is that company's, though it names a known model
    // provider or two in passing; a known company named more often than the title's owner is still the subject.
    [Theory]
    [InlineData(1, "nimbus")]
    [InlineData(5, "openai")]
    public void Extract_TitleNamingAnUnknownOwner_OwnerUnlessAKnownOneIsNamedMore(int providerMentions, string subject)
    {
        var builder = new DocumentBuilder()
            .Heading("Nimbus Privacy Statement")
            .Paragraph("Nimbus builds meeting software. Nimbus answers to you for how we handle data, and Nimbus keeps this statement current.");
        for (var i = 0; i < providerMentions; i++)
        {
            builder.Paragraph("Some features send text to OpenAI.");
        }

        var document = builder.Paragraph("We do not sell your personal information.").Build("Nimbus Privacy Statement");

        var claim = Assert.Single(Extractor.Extract(document), c => c.Topic == "sharing.sale");

        Assert.Equal(subject, claim.Subject);
    }

    // An item of a rights list that asks the provider to act is the person's right: "request that we delete".
    [Fact]
    public void Extract_RightsListItemAskingUsToDelete_IsTheRightToDelete()
    {
        var document = new DocumentBuilder()
            .Heading(Title)
            .Heading("Your rights")
            .Paragraph("Depending on where you live, you may have the right to:")
            .Item("request that we delete personal information we collected from you;")
            .Build(Title);

        var claim = Assert.Single(Extractor.Extract(document));

        Assert.Equal(("rights.deletion", "yes"), (claim.Topic, claim.Value));
        Assert.False(claim.IsSuggestion(Confidence.DefaultThreshold));
    }

    // "have your personal information deleted", an item under "you may have the right to:", is the right to delete.
    [Fact]
    public void Extract_RightsListItemHavingDataDeleted_IsTheRightToDelete()
    {
        var document = new DocumentBuilder()
            .Heading(Title)
            .Paragraph("Depending on where you live, you may have the right to:")
            .Item("have your personal information deleted;")
            .Build(Title);

        var claim = Assert.Single(Extractor.Extract(document));

        Assert.Equal(("rights.deletion", "yes"), (claim.Topic, claim.Value));
    }

    // Auto-delete is how long activity is kept, not a right the person uses to delete it; the options a setting offers
    // are not what the provider does.
    [Fact]
    public void Extract_AutoDeleteSettingRow_IsItsDefaultRetentionOnly()
    {
        const string markdown = "# Acme Privacy Policy\n\n## Your settings\n\n| Setting | Default | Options |\n|---|---|---|\n"
            + "| Auto-delete of activity | 18 months | 3 months, 36 months, or off |\n";
        var document = FromMarkdown(markdown);

        var claims = Extractor.Extract(document);

        Assert.Equal(["retention.active P540D"], claims.Select(c => $"{c.Topic} {c.Value}"));
    }

    // Staff who "do not access" content make the claim; the exceptions listed under such a lead-in do not, each item alone.
    [Fact]
    public void Extract_ExceptionsListedUnderStaffAccessLeadIn_OnlyTheLeadInIsAClaim()
    {
        var document = new DocumentBuilder()
            .Heading(Title)
            .Paragraph("Acme personnel does not access your private files without your consent except for:")
            .Item("security purposes")
            .Item("to assist you with a support matter")
            .Build(Title);

        var claims = Extractor.Extract(document).Where(c => c.Topic == "security.employee_access_restricted").ToList();

        Assert.All(claims, c => Assert.StartsWith("Acme personnel does not access", c.Quote, StringComparison.Ordinal));
    }

    // A name is found whatever its case, but a name written all in lower case is a word: "move the cursor".
    [Theory]
    [InlineData("Cursor", "cursor")]
    [InlineData("CURSOR", "cursor")]
    [InlineData("cursor", SubjectResolver.Unknown)]
    public void Extract_NameWrittenAllInLowerCase_IsAWordNotAName(string written, string subject)
    {
        var document = new DocumentBuilder()
            .Paragraph("Privacy notice")
            .Paragraph($"Move the {written} over a setting to read what it does.")
            .Paragraph("We do not sell your personal information.")
            .Build();

        var claim = Assert.Single(Extractor.Extract(document));

        Assert.Equal(subject, claim.Subject);
    }

    // Providers of AI features beyond the model labs are known by name, so a page that never says "we" is still theirs.
    [Theory]
    [InlineData("Snapchat", "snap")]
    [InlineData("Adobe Firefly", "adobe")]
    [InlineData("Zoom", "zoom")]
    [InlineData("Notion AI", "notion")]
    public void Extract_PageOfAProviderKnownByName_TakesItsSubject(string name, string subject)
    {
        var document = new DocumentBuilder()
            .Paragraph("Help centre")
            .Paragraph($"{name} does not sell your personal information.")
            .Build();

        var claim = Assert.Single(Extractor.Extract(document));

        Assert.Equal(subject, claim.Subject);
    }

    // In an article comparing providers, a section headed by one's name alone is about it, though its sentences do not
    // name it again; a longer heading names a topic, and the article's main subject stays.
    [Theory]
    [InlineData("Claude", "anthropic")]
    [InlineData("How this compares with Claude and other assistants today", "openai")]
    public void Extract_SectionHeadedByAProvidersName_IsAboutThatProvider(string heading, string subject)
    {
        var document = new DocumentBuilder()
            .Heading("Which chatbots train on your chats")
            .Paragraph("OpenAI trains on ChatGPT conversations unless you opt out. OpenAI keeps them for 30 days after deletion.")
            .Heading(heading)
            .Paragraph("Users who agree have their chats kept for five years.")
            .Build("Which chatbots train on your chats");

        var claim = Assert.Single(Extractor.Extract(document), c => c.Topic == "retention.opted_in");

        Assert.Equal(subject, claim.Subject);
    }

    // A question marked as a heading heads its answers' section: what temporary chats "aren't used" for is no default.
    [Fact]
    public void Extract_AnswersUnderAQuestionHeadingAboutTemporaryChats_AreNoDefault()
    {
        var document = new DocumentBuilder()
            .Heading(Title)
            .Heading("Your settings")
            .Paragraph("You can change these at any time.")
            .Heading("What about Temporary Chats?")
            .Paragraph("These chats:")
            .Item("Aren't used to train our models")
            .Item("Are deleted from our systems after 30 days")
            .Build(Title);

        var claims = Extractor.Extract(document);

        Assert.DoesNotContain(claims, c => c.Topic is "training.default" or "retention.active" or "retention.deleted_chats");
    }

    // A column headed "used to train models" answers the default in its cells; a table of the person's choices does not.
    [Theory]
    [InlineData("| Plan | Inputs used to train our models |\n|---|---|\n| Free | Yes |\n| Enterprise | No |\n", "training.default free opt-out", "training.default commercial opt-in")]
    [InlineData("| Your choice | Chats used to train our models |\n|---|---|\n| Allow | Yes |\n| Don't allow | No |\n")]
    public void Extract_TableColumnAboutTraining_AnswersTheDefaultUnlessItsRowsAreChoices(string table, params string[] expected)
    {
        var markdown = "# Acme Privacy Policy\n\n## Training at a glance\n\n" + table;
        var document = FromMarkdown(markdown);

        var claims = Extractor.Extract(document).Where(c => c.Topic == "training.default");

        Assert.Equal(expected, claims.Select(c => $"{c.Topic} {c.Scope} {c.Value}"));
    }

    // A question asked of the provider and answered in its row; a column that names no topic takes its gate from the
    // row's other headers; a glossary's rows define words.
    [Theory]
    [InlineData("| Question | Short answer |\n|---|---|\n| Do you sell my personal information? | No. |\n", "sharing.sale consumer no")]
    [InlineData("| Plan | Inputs used to train our models | Can you turn this off? |\n|---|---|---|\n| Free | Yes | No |\n", "training.default free opt-out", "training.user_control free no")]
    [InlineData("| Term | What it means |\n|---|---|\n| Improve setting | The setting that records whether you allow us to use your chats to train our models. |\n")]
    public void Extract_TableRows_AnswerTheirQuestions(string table, params string[] expected)
    {
        var markdown = "# Acme Privacy Policy\n\n## At a glance\n\n" + table;
        var document = FromMarkdown(markdown);

        var claims = Extractor.Extract(document);

        Assert.Equal(expected, claims.Select(c => $"{c.Topic} {c.Scope} {c.Value}"));
    }

    // Every item under a lead-in that binds the person ("You may not …:") is an obligation.
    [Fact]
    public void Extract_ItemsUnderAnObligationLeadIn_AreNoClaims()
    {
        var document = new DocumentBuilder()
            .Heading(Title)
            .Heading("Things you may not do")
            .Paragraph("You may not access or use the Services, or help anyone else to do so, in any of the following ways:")
            .Item("to crawl or scrape data from the Services, other than through an interface that we provide for that purpose;")
            .Item("from a country or region where we do not make the Services available.")
            .Build(Title);

        Assert.Empty(Extractor.Extract(document));
    }

    // "Where this policy refers to "Acme", "we" …": a name defined beside "we" owns the page, however often it names others.
    [Fact]
    public void Extract_NameDefinedBesideWe_OwnsThePage()
    {
        var document = new DocumentBuilder()
            .Heading("Privacy Policy")
            .Paragraph("Where this Privacy Policy refers to \"Nimbus\", \"we\", \"us\" or \"our\", it means Nimbus SE.")
            .Paragraph("We use Google Analytics. Google Analytics sets cookies. Google Ads measures conversions.")
            .Paragraph("We do not sell your personal information.")
            .Build("Privacy Policy");

        var claim = Assert.Single(Extractor.Extract(document), c => c.Topic == "sharing.sale");

        Assert.Equal("nimbus", claim.Subject);
    }

    // An objection listed among the person's rights that names training is the training control.
    [Fact]
    public void Extract_RightsListItemObjectingToTraining_IsTheTrainingControl()
    {
        var document = new DocumentBuilder()
            .Heading(Title)
            .Heading("Your rights")
            .Paragraph("Depending on where you live, you may have the right to:")
            .Item("object to, or ask us to restrict, certain processing, including the use of your conversations to train our models;")
            .Build(Title);

        var claim = Assert.Single(Extractor.Extract(document));

        Assert.Equal(("training.user_control", "yes"), (claim.Topic, claim.Value));
    }

    // The claim's "why" marks the word that negates it, after the trigger as well as before it.
    [Theory]
    [InlineData("Ads are not based on the content of your conversations.")]
    [InlineData("We do not base ads on the content of your conversations.")]
    public void Extract_NegatedClaim_CuesItsNegation(string sentence)
    {
        var claim = Assert.Single(Extract(sentence, "Advertising"), c => c.Topic == "sharing.advertising");

        Assert.Equal("no", claim.Value);
        Assert.Contains(claim.Cues, c => c.Kind == CueKind.Negation && c.Text == "not");
    }
}
