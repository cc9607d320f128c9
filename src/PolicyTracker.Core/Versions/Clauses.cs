using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Versions;

/// <summary>
/// Widens the words matched to an edited quote to the statement around them, as the old quote was cut: when it
/// began a sentence or clause, the new span begins at that sentence or clause too (taking in new first words), and
/// likewise at its end. A quote cut mid-clause keeps to the matched words.
/// </summary>
internal static class Clauses
{
    // How far past the matched words a boundary is looked for: far enough for an added clause. The first boundary
    // found ends the search, so a generous reach never runs into the next statement.
    private const int MinReach = 80;

    /// <summary>The span of <paramref name="newText"/> around <paramref name="matched"/> cut as <paramref name="oldQuote"/> was.</summary>
    public static TextSpan Snap(string oldText, TextSpan oldQuote, string newText, TextSpan matched)
    {
        var reach = Math.Max(MinReach, oldQuote.Length);
        var start = matched.Start;
        if (StartsStatement(oldText, oldQuote.Start))
        {
            for (var i = matched.Start - 1; i >= matched.Start - reach; i--)
            {
                if (i < 0 || IsBoundary(newText, i))
                {
                    start = i + 1;
                    break;
                }
            }
        }

        var end = matched.End;
        var endsWithStop = IsStop(oldText[oldQuote.End - 1]);
        if (endsWithStop || EndsStatement(oldText, oldQuote.End))
        {
            for (var i = matched.End; i <= Math.Min(newText.Length, matched.End + reach); i++)
            {
                if (i == newText.Length || newText[i] == '\n')
                {
                    end = i;
                    break;
                }

                if (IsBoundary(newText, i))
                {
                    end = endsWithStop ? i + 1 : i;
                    break;
                }
            }
        }

        while (start < end && char.IsWhiteSpace(newText[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(newText[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    private static bool StartsStatement(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || text[i] == '\n' || (IsStop(text[i]) && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]));
    }

    private static bool EndsStatement(string text, int end) =>
        end == text.Length || text[end] == '\n' || IsBoundary(text, end);

    // A stop followed by white space (or the end), so "e.g" inside a word and "1.2" are not boundaries.
    private static bool IsBoundary(string text, int i) =>
        text[i] == '\n' || (IsStop(text[i]) && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));

    private static bool IsStop(char c) => c is '.' or '!' or '?' or ';';
}
