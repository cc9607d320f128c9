using System.Globalization;
using System.Text;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Versions;

/// <summary>
/// A text with its typesetting taken out: every run of white space is one space, curly quotes and apostrophes are
/// straight, dashes are hyphens, and invisible format characters (word joiners, zero-width spaces, soft hyphens)
/// are dropped. Two versions that differ only in line wrapping or typography read the same here. Each character
/// keeps the offset it came from, so a place found here is a span of the original.
/// </summary>
internal sealed class TypesetText
{
    private readonly int[] origins;
    private readonly int end;

    private TypesetText(string text, int[] origins, int end)
    {
        Text = text;
        this.origins = origins;
        this.end = end;
    }

    /// <summary>The text as typeset-free characters.</summary>
    public string Text { get; }

    /// <summary>The typeset-free form of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static TypesetText Of(string text, int start, int end)
    {
        var builder = new StringBuilder(end - start);
        var origins = new List<int>(end - start);
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] == ' ')
                {
                    continue;
                }

                c = ' ';
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(Plain(c));
            origins.Add(i);
        }

        return new TypesetText(builder.ToString(), [.. origins], end);
    }

    /// <summary>The span of the original text that <paramref name="start"/>..<paramref name="stop"/> here came from.</summary>
    public TextSpan Original(int start, int stop) =>
        new(origins[start], stop < origins.Length ? PreviousEnd(stop) : end);

    // The end of the original character before position stop: invisible characters after it stay outside the span.
    private int PreviousEnd(int stop) => origins[stop - 1] + 1;

    private static char Plain(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        _ => c,
    };
}
