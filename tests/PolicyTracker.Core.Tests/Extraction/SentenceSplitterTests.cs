using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Tests.Extraction;

public sealed class SentenceSplitterTests
{
    private static string[] Split(string text) =>
        [.. SentenceSplitter.Split(text, new TextSpan(0, text.Length)).Select(s => s.Slice(text))];

    [Fact]
    public void Split_Abbreviations_DoNotEndASentence()
    {
        var sentences = Split("We use providers, e.g. cloud hosts in the U.S. and the E.U. We never sell data.");

        Assert.Equal(["We use providers, e.g. cloud hosts in the U.S. and the E.U.", "We never sell data."], sentences);
    }

    [Fact]
    public void Split_LegalCitation_StaysOneSentence()
    {
        var sentences = Split("Under Cal. Civ. Code §1798.120 you may opt out. Art. 6 applies too.");

        Assert.Equal(["Under Cal. Civ. Code §1798.120 you may opt out.", "Art. 6 applies too."], sentences);
    }

    [Fact]
    public void Split_QuestionFollowedByLowerCase_EndsAtQuestionMark()
    {
        var sentences = Split("Does it train on your data? my answer: no.");

        Assert.Equal(["Does it train on your data?", "my answer: no."], sentences);
    }

    [Fact]
    public void Split_LineBreaksAndDecimals_AreHandled()
    {
        var sentences = Split("TLS 1.2 protects traffic.\nData is kept 2.5 years");

        Assert.Equal(["TLS 1.2 protects traffic.", "Data is kept 2.5 years"], sentences);
    }

    [Fact]
    public void Split_ClosingQuote_StaysWithItsSentence()
    {
        var sentences = Split("Turn off “Improve the model for everyone.” Then save.");

        Assert.Equal(["Turn off “Improve the model for everyone.”", "Then save."], sentences);
    }
}
