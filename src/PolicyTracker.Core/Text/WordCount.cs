namespace PolicyTracker.Core.Text;

/// <summary>How many words a piece of text holds: runs of characters between white space.</summary>
internal static class WordCount
{
    public static int Of(ReadOnlySpan<char> value)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in value)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
            {
                words++;
            }

            inWord = !isSpace;
        }

        return words;
    }
}
