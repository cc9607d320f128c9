namespace PolicyTracker.Web.Pages.Claims;

/// <summary>A quote with the sentences around it in its source's text.</summary>
public sealed record QuoteContext(string Before, string Quote, string After)
{
    private const int MaxContextChars = 600;

    /// <summary>
    /// The quote with up to <paramref name="sentences"/> sentences on each side, stopping at a blank line
    /// (a new block) or after a few hundred characters, so a quote from a long list stays readable.
    /// </summary>
    public static QuoteContext Around(string text, int start, int end, int sentences = 2)
    {
        ArgumentNullException.ThrowIfNull(text);
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);

        var from = start;
        var found = 0;
        while (from > 0 && start - from < MaxContextChars)
        {
            if (IsBoundary(text, from - 1) && from < start)
            {
                if (++found > sentences || text[from - 1] == '\n' && from >= 2 && text[from - 2] == '\n')
                {
                    break;
                }
            }

            from--;
        }

        var to = end;
        found = 0;
        while (to < text.Length && to - end < MaxContextChars)
        {
            if (IsBoundary(text, to) && to > end)
            {
                if (++found >= sentences || text[to] == '\n' && to + 1 < text.Length && text[to + 1] == '\n')
                {
                    to++;
                    break;
                }
            }

            to++;
        }

        return new QuoteContext(text[from..start].TrimStart(), text[start..end], text[end..to].TrimEnd());
    }

    private static bool IsBoundary(string text, int i) =>
        text[i] == '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
}
