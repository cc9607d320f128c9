using PolicyTracker.Core.Extraction;

namespace PolicyTracker.Core.Tests.Extraction;

/// <summary>
/// Boilerplate common to real privacy policies that read as a claim on a keyword — ad-industry bodies and device
/// ad settings, statutory rights-list wording, "training" meaning a course, limits on a right, a paragraph about a
/// special case, a list of purposes, the end of a retention period read as the person deleting, inactive accounts, feedback copies and logs, declined choices, partner programmes, exceptions, ad measurement, ad identifiers and cookies, leaving the service, steps before training, run-in labels, a plan's data named by another plan, a business customer acting in a later clause, the right to object, sale opt-outs, the provider's own training — each pinned in both directions with sentences of our own: the boilerplate makes no claim on
/// the topic, and the real statement beside it still makes its claim.
/// </summary>
public sealed class PolicyBoilerplateTests
{
    private const string Title = "Acme Privacy Policy";

    private static readonly ClaimExtractor Extractor = new(TopicCatalog.Default);

    private static IReadOnlyList<ExtractedClaim> Extract(string sentence, string heading) =>
        Extractor.Extract(new DocumentBuilder().Heading(Title).Heading(heading).Paragraph(sentence).Build(Title));

    // Claims, not suggestions, as "topic value".
    private static List<string> Confident(IReadOnlyList<ExtractedClaim> claims) =>
        [.. claims.Where(c => !c.IsSuggestion(Confidence.DefaultThreshold)).Select(c => $"{c.Topic} {c.Value}")];

    [Theory]
    [InlineData("Learn more from the Network Advertising Initiative or the Digital Advertising Alliance.", "Your choices", "sharing.advertising")]
    [InlineData("Your phone's settings may let you reset the advertising identifier used for interest-based ads.", "Your choices", "sharing.advertising")]
    [InlineData("Short-term, transient use, including non-personalized advertising shown during your current visit.", "Business purposes", "sharing.advertising")]
    [InlineData("Right to opt out of sales, sharing, or targeted advertising: ask us to stop selling or sharing your data.", "Your rights", "sharing.advertising")]
    [InlineData("A partner may send us your details when you sign up for training at one of their events.", "Sources of information", "sharing.third_party_training")]
    [InlineData("You can opt out of web analytics by installing a browser add-on.", "Model training and your choices", "training.user_control")]
    [InlineData("These rights may be limited, for example where you ask us to delete records the law requires us to keep.", "Your rights", "rights.deletion")]
    [InlineData("These rights may be limited where a request to export your data would reveal another person's data.", "Your rights", "rights.export")]
    [InlineData("Comments you posted in public forums stay visible even if you have deleted your account.", "Public content", "rights.deletion")]
    [InlineData("Prompts sent to the developer platform are kept for 14 days for abuse monitoring, after which they are erased.", "Retention", "retention.deleted_chats")]
    [InlineData("We may delete accounts that have not been used for more than 24 months as inactive.", "Retention", "retention.closed_account")]
    [InlineData("Feedback you submit, with the conversation it concerns, is kept for 4 years.", "Retention", "retention.active")]
    [InlineData("Security logs of sign-ins and requests are retained for 12 months.", "Retention", "retention.active")]
    [InlineData("If you do not allow us to use your chats for model training, we keep your chats for 30 days.", "Retention", "retention.opted_in")]
    [InlineData("Unless the Customer has opted in, for example by joining our Design Partner Program, we do not use business data to train our models.", "Business data", "sharing.third_party_training")]
    [InlineData("We delete API prompts within 30 days, except where the content is flagged for a policy violation.", "Retention", "retention.safety_flagged")]
    [InlineData("Some advertisers send us information that we use to measure the performance of our advertising campaigns.", "Information from others", "sharing.advertising")]
    [InlineData("Our mobile apps do not use advertising identifiers.", "Mobile apps", "sharing.advertising")]
    [InlineData("Our websites use cookies provided by analytics and advertising partners.", "Cookies", "sharing.advertising")]
    [InlineData("Right to opt out of the sale or sharing of your personal information for targeted advertising.", "Your rights", "sharing.advertising")]
    [InlineData("If you do not want your chats used to train our models, you can delete them or stop using the Services.", "Model training", "training.user_control")]
    [InlineData("Your opt-out of model training does not apply to data already used for training.", "Model training", "training.user_control")]
    [InlineData("Before using any data for training, we remove direct identifiers.", "Model training", "training.default")]
    [InlineData("Where you submit feedback on a response, we retain the related conversation for 4 years.", "Retention", "retention.active")]
    [InlineData("Your employer's agreement with us governs your data, and the Customer may be able to export or delete the content of your account.", "Work accounts", "rights.deletion")]
    [InlineData("Your employer's agreement with us governs your data, and the Customer may be able to export or delete the content of your account.", "Work accounts", "rights.export")]
    [InlineData("Object to our processing of your personal information, including our use of your content to train our models.", "Your rights", "training.default")]
    [InlineData("You can opt out of this sharing by clicking \"Do Not Sell or Share My Personal Information\" or by enabling the Global Privacy Control.", "Your choices", "training.user_control")]
    [InlineData("Our cloud partners host the models, and we do not use your prompts to train our models.", "Cloud partners", "sharing.third_party_training")]
    [InlineData("Your conversations are stored in your chat history until you delete them.", "Retention", "rights.deletion")]
    [InlineData("When you delete an item from your history, it is removed from our active systems within thirty (30) days.", "Retention", "rights.deletion")]
    [InlineData("You may refuse such a transfer by deleting your account and ceasing to use the Services.", "International transfers", "rights.deletion")]
    [InlineData("Right to define directives regarding the storage and erasure of your personal data after your death.", "Your rights", "rights.deletion")]
    [InlineData("We do not use voice data to train our general models.", "Voice data", "training.default")]
    [InlineData("Connector data isn't used for training.", "Connectors", "training.default")]
    [InlineData("We do not use the content of your private messages with friends and family to train our models.", "Messages", "training.default")]
    [InlineData("If you choose not to allow us to use your chats to improve our models, we keep them for up to 30 days.", "Retention", "retention.opted_in")]
    [InlineData("Data sent to our developer platform is not used to train our models unless you choose to share it.", "Developers", "training.user_control")]
    public void Extract_Boilerplate_MakesNoClaimOnTheTopic(string sentence, string heading, string topic)
    {
        var claims = Confident(Extract(sentence, heading));

        Assert.True(!claims.Any(c => c.StartsWith(topic + " ", StringComparison.Ordinal)), string.Join(", ", claims));
    }

    [Theory]
    [InlineData("We share your personal information with advertising partners to show you targeted ads.", "How we share information", "sharing.advertising yes")]
    [InlineData("We shared identifiers with advertising networks for cross-context behavioral advertising.", "How we share information", "sharing.advertising yes")]
    [InlineData("We do not share your data with advertisers for targeted advertising.", "How we share information", "sharing.advertising no")]
    [InlineData("We do not allow our partners to train their models on your data.", "Sources of information", "sharing.third_party_training no")]
    [InlineData("You can opt out of model training in your settings.", "Model training and your choices", "training.user_control yes")]
    [InlineData("You have the right to request that we delete your personal data.", "Your rights", "rights.deletion yes")]
    [InlineData("You can request a copy of your data in a portable format.", "Your rights", "rights.export yes")]
    [InlineData("Prompts sent to the developer platform are kept for 14 days for abuse monitoring, after which they are erased.", "Retention", "retention.active P14D")]
    [InlineData("Conversations you delete are kept for 14 days, after which they are erased from our servers.", "Retention", "retention.deleted_chats P14D")]
    [InlineData("After you close your account, we delete your personal data within 45 days.", "Retention", "retention.closed_account P45D")]
    [InlineData("We keep your conversations for 4 years unless you delete them.", "Retention", "retention.active P1460D")]
    [InlineData("If you do not allow us to use your chats for model training, we keep your chats for 30 days.", "Retention", "retention.opted_out P30D")]
    [InlineData("Our subprocessors are prohibited from using your chats to train their own models.", "Subprocessors", "sharing.third_party_training no")]
    [InlineData("We use cookies to show you targeted ads based on your browsing.", "Cookies", "sharing.advertising yes")]
    [InlineData("We do not currently offer a setting that lets you exclude your chats from model training.", "Model training", "training.user_control no")]
    [InlineData("When the setting is turned off, we will not use your new conversations for model training.", "Model training", "training.user_control yes")]
    [InlineData("We may use your chats to train our models, unless you have turned off the Improve the model setting.", "Model training", "training.default opt-out")]
    [InlineData("If you delete a conversation, it is automatically deleted from our servers within 30 days.", "Retention", "retention.deleted_chats P30D")]
    [InlineData("You can delete conversations at any time; deleted conversations are erased within 30 days.", "Your choices", "rights.deletion yes")]
    [InlineData("Your chats are kept for as long as your account remains active.", "Retention", "retention.active account-lifetime")]
    [InlineData("Our vendors may not use your data for their own purposes, and we do not permit them to train their own models on it.", "Vendors", "sharing.third_party_training no")]
    [InlineData("Your chats are only accessible to authorised members of our staff who need them for their duties.", "Security", "security.employee_access_restricted yes")]
    [InlineData("Your employer's agreement with us governs your data, and you can export or delete the content of your account at any time.", "Work accounts", "rights.deletion yes")]
    [InlineData("Object to our processing of your personal information, including our use of your content to train our models.", "Your rights", "training.user_control yes")]
    [InlineData("You have the right to object to our use of your personal information for model training.", "Your rights", "training.user_control yes")]
    [InlineData("Our service providers act on our instructions, and we do not permit them to use your content to train their own models.", "Service providers", "sharing.third_party_training no")]
    [InlineData("You can delete your account at any time in Settings; when you delete your account, we delete your data within 30 days.", "Your choices", "rights.deletion yes")]
    [InlineData("We do not use your voice data or your other content to train our general models.", "Model training", "training.default opt-in")]
    [InlineData("We require these providers, under our agreements with them, not to use your content to train their models.", "Service providers", "sharing.third_party_training no")]
    [InlineData("These providers are contractually prohibited from using your data to train their models.", "Model providers", "sharing.third_party_training no")]
    [InlineData("They may not use your inputs for any other purpose, including to train their own models.", "Service providers", "sharing.third_party_training no")]
    [InlineData("Users on the Free plan cannot opt out of model training.", "Model training", "training.user_control no")]
    [InlineData("We use your personal information, including your chats, to improve the Services and to develop new features, including by training our models.", "How we use information", "training.default opt-out")]
    [InlineData("When the setting is turned off, we will not use your subsequent conversations for model training.", "Model training", "training.setting_timing future-only")]
    [InlineData("If you turn it off, conversations you have after you change the setting will not be used to train our models.", "Model training", "training.setting_timing future-only")]
    [InlineData("Your chats and uploaded files are not used to train our models.", "Model training", "training.default opt-in")]
    [InlineData("If you choose not to allow us to use your chats to improve our models, we keep them for up to 30 days.", "Retention", "retention.opted_out P30D")]
    [InlineData("Data sent to our developer platform is not used to train our models unless you choose to share it.", "Developers", "training.default opt-in")]
    [InlineData("You can choose to share your data for training, and unless you choose to share it, we do not use it.", "Developers", "training.user_control yes")]
    public void Extract_RealStatement_StillMakesItsClaim(string sentence, string heading, string expected)
    {
        var claims = Confident(Extract(sentence, heading));

        Assert.True(claims.Contains(expected), string.Join(", ", claims));
    }

    // A paragraph that opens on a special case speaks of it throughout: its later sentences are suggestions at most.
    [Theory]
    [InlineData("Residents under the age of 18 may remove content they have posted publicly.", false)]
    [InlineData("Every user may remove content they have posted publicly.", true)]
    public void Extract_SentenceInAParagraphOpeningOnASpecialCase_IsNarrowedToo(string opening, bool claimed)
    {
        var document = new DocumentBuilder().Heading(Title).Heading("Removal of content")
            .Paragraph(opening + " To request that we remove such content, write to our support team.")
            .Build(Title);

        var deletion = Confident(Extractor.Extract(document)).Where(c => c.StartsWith("rights.deletion ", StringComparison.Ordinal));

        Assert.Equal(claimed, deletion.Any());
    }

    // A list of purposes: "To train and improve our AI models." is the provider using the data for training by
    // default; "To improve the Service (excluding model training)" is not.
    [Theory]
    [InlineData("To train, develop, and improve the AI models that support our Services.", true)]
    [InlineData("To improve the Service and conduct research (excluding model training).", false)]
    public void Extract_PurposeItem_IsTheDefaultOnlyWhenItsObjectIsTheModels(string item, bool claimed)
    {
        var document = new DocumentBuilder().Heading(Title).Heading("How we use your information")
            .Paragraph("We use your prompts and outputs for the following purposes:")
            .Item(item)
            .Build(Title);

        var defaults = Confident(Extractor.Extract(document));

        Assert.Equal(claimed, defaults.Contains("training.default opt-out"));
    }

    // An item under "We do not train on:" is one exception to the policy's practice; it is the stance of a plan only
    // when it names that plan.
    [Theory]
    [InlineData("Data from users in the European Economic Area, unless we have given notice.", null)]
    [InlineData("Data from users signed in with an organizational account.", "commercial")]
    public void Extract_ItemUnderAStanceLeadIn_IsAClaimOnlyForAPlanItNames(string item, string? scope)
    {
        var document = new DocumentBuilder().Heading(Title).Heading("Model training")
            .Paragraph("We do not train our models on the following:")
            .Item(item)
            .Build(Title);

        var claims = Extractor.Extract(document).Where(c => c.Topic == "training.default").ToList();

        Assert.All(claims, c => Assert.Equal("opt-in", c.Value));
        Assert.Equal(scope is null ? [] : [scope], claims.Where(c => !c.IsSuggestion(Confidence.DefaultThreshold)).Select(c => c.Scope));
    }

    // A table of purposes: a row whose purpose is training the models is the default use of the data; a row whose
    // purpose is something else is not, though the table is about the same data.
    [Theory]
    [InlineData("Training and improving our models with your content | Our legitimate interests", true)]
    [InlineData("Content you submit | Provide our products; safety and security; train AI models", true)]
    [InlineData("Improving the Service with your content | Our legitimate interests", false)]
    public void Extract_PurposeTableRow_IsTheDefaultOnlyWhenItsPurposeIsTraining(string row, bool claimed)
    {
        var markdown = $"# {Title}\n\n## How we use your information\n\n| Purpose | Legal basis |\n|---|---|\n| {row} |\n";
        var document = PolicyTracker.Core.Sources.SourceReader.Read("acme-policy.md", System.Text.Encoding.UTF8.GetBytes(markdown));

        var claims = Confident(Extractor.Extract(document));

        Assert.Equal(claimed, claims.Contains("training.default opt-out"));
    }

    // "API business data" is the API's data: the business words describe it, they do not name a second plan.
    [Theory]
    [InlineData("Our access to API business data is limited to authorized employees.", "api")]
    [InlineData("Our access to business data is limited to authorized employees.", "commercial")]
    [InlineData("Our access to data of users signed in with an organizational account is limited to authorized employees.", "commercial")]
    [InlineData("Our access to data processed in a private deployment is limited to authorized employees.", "commercial")]
    [InlineData("Our access to data sent on the paid plan of our API is limited to authorized employees.", "api")]
    [InlineData("Our access to data sent on the free tier of our developer platform is limited to authorized employees.", "api")]
    [InlineData("Our access to data of education accounts is limited to authorized employees.", "commercial")]
    public void Extract_DataNamedByItsPlan_HasThatPlansScope(string sentence, string scope)
    {
        var claims = Extract(sentence, "Security").Where(c => c.Topic == "security.employee_access_restricted");

        Assert.Equal([scope], claims.Select(c => c.Scope));
    }

    // A condition on the person's choice after the action is the default's stance, whatever verb opens it.
    [Theory]
    [InlineData("Unless you choose to opt out, we may use your chats to train our models.", "opt-out")]
    [InlineData("We use your chats to train our models unless you decide to turn it off.", "opt-out")]
    [InlineData("We use your chats to train our models where you have opted into this use.", "opt-in")]
    [InlineData("We use your chats to train our models unless you choose to allow it.", "opt-in")]
    public void Extract_ConditionOnTheChoice_IsTheStanceItStates(string sentence, string stance)
    {
        var claims = Confident(Extract(sentence, "How we use your data"));

        Assert.Equal(["training.default " + stance], claims.Where(c => c.StartsWith("training.default ", StringComparison.Ordinal)));
    }

    // A run-in label names the paragraph, like a heading; the sentence after it makes the claim.
    [Theory]
    [InlineData("Download your data. You can request a copy of your chats in your account settings.", "rights.export", "You can request")]
    [InlineData("Use of data for model training. We use your chats to train our models.", "training.default", "We use your chats")]
    public void Extract_ParagraphOpeningOnARunInLabel_TheLabelMakesNoClaim(string paragraph, string topic, string claimStart)
    {
        var claims = Extract(paragraph, "Your choices");

        var claim = Assert.Single(claims, c => c.Topic == topic);
        Assert.StartsWith(claimStart, claim.Quote, StringComparison.Ordinal);
    }

    // A short sentence opening a paragraph is a statement when someone acts in it, not a label.
    [Fact]
    public void Extract_ParagraphOpeningOnAShortStatement_TheStatementMakesItsClaim()
    {
        var claims = Extract("We never sell personal information. Our partners may only process it for us.", "Sharing");

        Assert.Contains(claims, c => c.Topic == "sharing.sale" && c.Value == "no" && c.Quote.StartsWith("We never sell", StringComparison.Ordinal));
    }
}
