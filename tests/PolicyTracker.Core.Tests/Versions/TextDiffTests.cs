using System.Text;
using PolicyTracker.Core.Versions;

namespace PolicyTracker.Core.Tests.Versions;

public sealed class TextDiffTests
{
    private static string Text(string text, PolicyTracker.Core.Text.TextSpan span) => span.Slice(text);

    [Fact]
    public void Compare_IdenticalTexts_AllRowsSame()
    {
        const string text = "one\ntwo\nthree\n";

        var rows = TextDiff.Compare(text, text);

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(DiffKind.Same, r.Kind));
        Assert.Equal(["one", "two", "three"], rows.Select(r => Text(text, r.Right!.Span)));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Left!.Number));
    }

    [Fact]
    public void Compare_PureInsert_OneAddedRowWithItsOffsets()
    {
        const string left = "alpha\nbeta\ngamma";
        const string right = "alpha\nbeta\ninserted line\ngamma";

        var rows = TextDiff.Compare(left, right);

        Assert.Equal([DiffKind.Same, DiffKind.Same, DiffKind.Added, DiffKind.Same], rows.Select(r => r.Kind));
        Assert.Null(rows[2].Left);
        Assert.Equal(new PolicyTracker.Core.Text.TextSpan(11, 24), rows[2].Right!.Span);
        Assert.Equal("gamma", Text(left, rows[3].Left!.Span));
        Assert.Equal("gamma", Text(right, rows[3].Right!.Span));
    }

    [Fact]
    public void Compare_PureDelete_OneRemovedRow()
    {
        var rows = TextDiff.Compare("a\nb\nc\n", "a\nc\n");

        Assert.Equal([DiffKind.Same, DiffKind.Removed, DiffKind.Same], rows.Select(r => r.Kind));
        Assert.Equal((2, (DiffLine?)null), (rows[1].Left!.Number, rows[1].Right));
    }

    [Fact]
    public void Compare_EditInTheMiddle_IsOneChangedRowWithTheDifferingWordsMarked()
    {
        const string left = "Intro.\nWe keep deleted chats for 30 days.\nOutro.";
        const string right = "Intro.\nWe keep deleted chats for 90 days.\nOutro.";

        var rows = TextDiff.Compare(left, right);

        Assert.Equal([DiffKind.Same, DiffKind.Changed, DiffKind.Same], rows.Select(r => r.Kind));
        Assert.Equal(["30"], rows[1].LeftChanges.Select(s => Text(left, s)));
        Assert.Equal(["90"], rows[1].RightChanges.Select(s => Text(right, s)));
    }

    [Fact]
    public void Compare_UnrelatedReplacement_IsRemovedAndAddedNotChanged()
    {
        var rows = TextDiff.Compare("x\nWe sell nothing to anyone.\ny", "x\nCookies help us measure traffic.\ny");

        Assert.Equal([DiffKind.Same, DiffKind.Removed, DiffKind.Added, DiffKind.Same], rows.Select(r => r.Kind));
    }

    [Fact]
    public void Compare_LinesAddedBeforeAnEditedLine_KeepBothSidesInOrder()
    {
        const string left = "head\nWe keep logs for 30 days.\ntail";
        const string right = "head\nA brand new paragraph.\nWe keep logs for 60 days.\ntail";

        var rows = TextDiff.Compare(left, right);

        Assert.Equal([DiffKind.Same, DiffKind.Added, DiffKind.Changed, DiffKind.Same], rows.Select(r => r.Kind));
        Assert.Equal("We keep logs for 60 days.", Text(right, rows[2].Right!.Span));
    }

    [Fact]
    public void Compare_BothEmpty_NoRows()
    {
        Assert.Empty(TextDiff.Compare("", ""));
    }

    [Fact]
    public void Compare_OneSideEmpty_EveryLineAddedOrRemoved()
    {
        Assert.Equal([DiffKind.Added, DiffKind.Added], TextDiff.Compare("", "a\r\nb\r\n").Select(r => r.Kind));
        Assert.Equal([DiffKind.Removed, DiffKind.Removed], TextDiff.Compare("a\nb", "").Select(r => r.Kind));
        Assert.Equal("a", Text("a\r\nb\r\n", TextDiff.Compare("", "a\r\nb\r\n")[0].Right!.Span));
    }

    [Fact]
    public void Compare_LargeTextWithOneEdit_OneChangedRow()
    {
        var left = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            left.Append($"Line {i} says that records of type {i % 13} are kept for {i % 50} days.\n");
        }

        var leftText = left.ToString();
        var rightText = leftText.Replace("Line 2500 says that records of type 4 are kept for 0 days.", "Line 2500 says that records of type 4 are kept for 365 days.", StringComparison.Ordinal);

        var rows = TextDiff.Compare(leftText, rightText);

        Assert.Equal(5000, rows.Count);
        var changed = Assert.Single(rows, r => r.Kind != DiffKind.Same);
        Assert.Equal((DiffKind.Changed, 2501, 2501), (changed.Kind, changed.Left!.Number, changed.Right!.Number));
        Assert.Equal(["365"], changed.RightChanges.Select(s => Text(rightText, s)));
    }

    [Fact]
    public void Compare_CompletelyDifferentTexts_EachLineRemovedOrAdded()
    {
        var left = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"left {i}"));
        var right = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"right {i}"));

        var rows = TextDiff.Compare(left, right);

        Assert.Equal(2000, rows.Count(r => r.Left is not null));
        Assert.Equal(2000, rows.Count(r => r.Right is not null));
        Assert.DoesNotContain(rows, r => r.Kind == DiffKind.Same);
    }

    [Fact]
    public void Collapse_LongUnchangedRuns_FoldedExceptContextAroundChanges()
    {
        var left = string.Join('\n', Enumerable.Range(0, 30).Select(i => $"line {i}"));
        var right = left.Replace("line 15", "line fifteen", StringComparison.Ordinal);

        var sections = TextDiff.Collapse(TextDiff.Compare(left, right), context: 2);

        Assert.Equal([true, false, true], sections.Select(s => s.Collapsed));
        Assert.Equal([13, 5, 12], sections.Select(s => s.Rows.Count));
        Assert.Equal(DiffKind.Changed, sections[1].Rows[2].Kind);
        Assert.Equal(30, sections.Sum(s => s.Rows.Count));
    }

    [Fact]
    public void Collapse_ShortRunBetweenChanges_StaysOpen()
    {
        var rows = TextDiff.Compare("a\nb\nc\nd\ne", "A\nb\nc\nd\nE");

        var section = Assert.Single(TextDiff.Collapse(rows, context: 2));

        Assert.False(section.Collapsed);
        Assert.Equal(5, section.Rows.Count);
    }
}
