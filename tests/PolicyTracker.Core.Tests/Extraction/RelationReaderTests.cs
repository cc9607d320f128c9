using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Extraction.Relations;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Tests.Extraction;

/// <summary>The relation stage on its own: who acts around a trigger word, and what is acted on.</summary>
public sealed class RelationReaderTests
{
    private static readonly RelationLexicon Lexicon = TopicCatalog.Default.Relations;

    private static Relation Read(string sentence, string trigger)
    {
        var at = sentence.IndexOf(trigger, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{trigger}' is not in the sentence");
        return RelationReader.Read(Lexicon, sentence, 0, new TextSpan(at, at + trigger.Length), []);
    }

    [Theory]
    [InlineData("We do not sell your personal information.", "sell", ActorKind.Provider)]
    [InlineData("You can delete your conversations at any time.", "delete", ActorKind.Person)]
    [InlineData("Advertisers may use cookies to show you ads.", "ads", ActorKind.ThirdParty)]
    [InlineData("The Customer may delete End User data.", "delete", ActorKind.Customer)]
    [InlineData("Your data is never sold.", "sold", ActorKind.Unstated)]
    [InlineData("We share your data with advertising partners who show ads.", "ads", ActorKind.Provider)]
    [InlineData("Everything you type can be used to train our models.", "train", ActorKind.Unstated)]
    [InlineData("If you do not want us to use your Content to train our models, you can opt out.", "train", ActorKind.Provider)]
    [InlineData("You can turn this off, but the company can still use flagged chats for training.", "training", ActorKind.Provider)]
    [InlineData("Your chats stay private unless you choose to help improve the models.", "improve", ActorKind.Unstated)]
    public void Read_Sentence_FindsWhoActs(string sentence, string trigger, ActorKind actor)
    {
        Assert.Equal(actor, Read(sentence, trigger).Actor);
    }

    [Fact]
    public void Read_SaleOfAssets_NamesTheThingSoldAndNoData()
    {
        var relation = Read("We may transfer records in a sale of all or part of our assets.", "sale");

        Assert.NotNull(relation.OtherObject);
    }

    [Fact]
    public void Read_SaleOfData_NamesTheData()
    {
        var relation = Read("We never sell your personal data to anyone.", "sell");

        Assert.Null(relation.OtherObject);
        Assert.NotNull(relation.DataObject);
    }

    [Fact]
    public void Read_ProhibitionBeforeTheAction_IsAnObligation()
    {
        Assert.NotNull(Read("You may not sell or resell access to the Services.", "sell").Obligation);
        Assert.Null(Read("We will not sell your data, and you may not resell the Services.", "sell").Obligation);
    }

    [Fact]
    public void Read_ConditionOnTheChoiceBeforeTheAction_IsACondition()
    {
        Assert.NotNull(Read("If you have opted in, we may use your chats to train our models.", "train").Condition);
        Assert.Null(Read("We use your chats to train our models unless you opt out.", "train").Condition);
    }

    [Fact]
    public void Judge_ThirdPartyActingForATopicOnlyTheProviderDoes_IsVetoed()
    {
        var topic = TopicCatalog.Default.Rules.Single(r => r.Definition.Key == "sharing.advertising").Relation;
        const string sentence = "Advertisers may use cookies to show you personalized ads.";

        var judgement = ClaimJudge.Judge(
            topic, Read(sentence, "ads"), new JudgedText(sentence, [], [], [], []), new JudgedValue("yes", IsStance: false, Stated: true), triggerInOwn: true);

        Assert.True(judgement.IsVetoed);
        Assert.Contains("third party", judgement.Veto, StringComparison.Ordinal);
    }
}
