using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Sources;

/// <summary>Finds the sentence that introduces a list: the last sentence of the block before it.</summary>
internal static class Sentences
{
    /// <summary>
    /// The span of the last sentence (or last line) of <paramref name="block"/>, a trimmed block
    /// whose first character sits at <paramref name="offset"/> in the extracted text.
    /// </summary>
    public static TextSpan Last(ReadOnlySpan<char> block, int offset)
    {
        var start = 0;

        // The block's own final character is never a boundary: it ends the sentence being looked for.
        for (var i = block.Length - 2; i > 0; i--)
        {
            var c = block[i];
            if (c == '\n' || (c is '.' or '!' or '?' && char.IsWhiteSpace(block[i + 1])))
            {
                start = i + 1;
                break;
            }
        }

        while (start < block.Length && char.IsWhiteSpace(block[start]))
        {
            start++;
        }

        return new TextSpan(offset + start, offset + block.Length);
    }
}
