using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Versions;

/// <summary>A word of a text: its lower-cased letters and digits, and where it stands.</summary>
internal readonly record struct Word(string Text, TextSpan Span);

/// <summary>
/// Splits text into words for comparing versions. A word is a run of letters and digits, compared lower-cased, so
/// punctuation, quote style, case, spacing and line wrapping never make two wordings differ.
/// </summary>
internal static class Words
{
    /// <summary>The words of <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static List<Word> Of(string text, int start, int end)
    {
        var words = new List<Word>();
        var i = start;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var first = i;
            while (i < end && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            words.Add(new Word(text[first..i].ToLowerInvariant(), new TextSpan(first, i)));
        }

        return words;
    }

    /// <summary>The words of all of <paramref name="text"/>.</summary>
    public static List<Word> Of(string text) => Of(text, 0, text.Length);

    /// <summary>
    /// How alike two bags of words are, from 0 to 1: twice the words they share over the words they hold (Dice), so
    /// an added clause lowers it in proportion to its length.
    /// </summary>
    public static double Dice(IReadOnlyList<Word> a, IReadOnlyList<Word> b)
    {
        if (a.Count + b.Count == 0)
        {
            return 1;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in a)
        {
            counts[word.Text] = counts.GetValueOrDefault(word.Text) + 1;
        }

        var shared = 0;
        foreach (var word in b)
        {
            if (counts.GetValueOrDefault(word.Text) is > 0 and var left)
            {
                counts[word.Text] = left - 1;
                shared++;
            }
        }

        return 2.0 * shared / (a.Count + b.Count);
    }
}

/// <summary>Gives each distinct string a number, so sequences of them compare as integers.</summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);

    /// <summary>The number of <paramref name="symbol"/>, the same for equal strings.</summary>
    public int this[string symbol]
    {
        get
        {
            if (!ids.TryGetValue(symbol, out var id))
            {
                id = ids.Count;
                ids[symbol] = id;
            }

            return id;
        }
    }
}
