using System.Text.RegularExpressions;
using PolicyTracker.Core.Extraction;

namespace PolicyTracker.Core.Tests.Extraction;

/// <summary>The scanner must find exactly what the alternation pattern it stands in for finds.</summary>
public sealed class PhraseScannerTests
{
    private static readonly string[] Phrases = ["privacy setting", "training", "train", "ad ", "opt", "meta ai", "meta", "le chat", "gpt-4", "x1", "kept", "setting"];

    public static TheoryData<string> Texts => new()
    {
        "We train models; training is opt-in, see privacy settings.",
        "Constraint retraining OPT_OUT optional TRAIN-ing ad hoc read ad nauseam",
        "Meta AI, meta-data, Meta AIs, metaverse, Le Chat, Le Chatterie, GPT-4o, gpt-4 and x1x1 x1",
        "\u212Aept \u017Fettings train\u212A Tra\u0131n \u0130ndex",
        "caf\u00e9train \u00e9train \u200Dtrain _train 9train -train ’train",
        string.Empty,
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Scan_FindsWhatTheWordStartPatternFinds(string text)
    {
        var pattern = new Regex(@"\b(?:" + string.Join('|', Phrases.Select(Regex.Escape)) + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var scanner = PhraseScanner.Create(Phrases, wholeWords: false)!;

        Assert.Equal(Expected(pattern, text), Found(scanner, text));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Scan_WholeWords_FindsWhatTheWholeWordPatternFinds(string text)
    {
        var pattern = new Regex(@"(?<![\w-])(?:" + string.Join('|', Phrases.Select(Regex.Escape)) + @")(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var scanner = PhraseScanner.Create(Phrases, wholeWords: true)!;

        Assert.Equal(Expected(pattern, text), Found(scanner, text));
    }

    [Fact]
    public void Create_PhraseItCannotHandleExactly_GivesNone()
    {
        Assert.Null(PhraseScanner.Create(["caf\u00e9"], wholeWords: false));
        Assert.Null(PhraseScanner.Create([" leading space"], wholeWords: false));
        Assert.Null(PhraseScanner.Create([], wholeWords: false));
    }

    private static List<(int, int, string)> Expected(Regex pattern, string text) =>
        [.. pattern.Matches(text).Select(m => (m.Index, m.Length, m.Value.ToLowerInvariant().Replace('\u212A', 'k')))];

    private static List<(int, int, string)> Found(PhraseScanner scanner, string text)
    {
        var found = new List<(int, int, string)>();
        foreach (var (index, length, phrase) in scanner.Scan(text))
        {
            found.Add((index, length, Phrases[phrase].ToLowerInvariant()));
        }

        return found;
    }
}
