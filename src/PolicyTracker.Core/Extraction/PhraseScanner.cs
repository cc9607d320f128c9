using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// Finds phrases of a fixed list in text exactly where the case-insensitive pattern
/// <c>\b(?:p1|p2|...)</c> would (or <c>(?&lt;![\w-])(?:p1|p2|...)(?![\w-])</c> for whole words), alternatives
/// tried in list order, but with one vectorised search for every phrase at once instead of trying the
/// alternation at each word start. Every statement of every document is scanned for the prefilter's keywords
/// and every document for the organisations' names, so this is one of the extractor's hottest loops.
/// </summary>
internal sealed class PhraseScanner
{
    // The regex engine's case folding matches the Kelvin sign to 'k' too (not so the long s); text holding it
    // is scanned as if it were that letter, which keeps every offset and every word boundary where it was.
    private const char KelvinSign = '\u212A';

    private static readonly Regex WordCharacter = new(@"^\w$", RegexOptions.CultureInvariant);

    private readonly SearchValues<string> any;
    private readonly Dictionary<char, (string Phrase, int Index)[]> byFirstLetter;
    private readonly bool wholeWords;

    private PhraseScanner(IReadOnlyList<string> phrases, bool wholeWords)
    {
        this.wholeWords = wholeWords;
        any = SearchValues.Create([.. phrases], StringComparison.OrdinalIgnoreCase);
        byFirstLetter = phrases
            .Select((phrase, index) => (Phrase: phrase, Index: index))
            .GroupBy(p => char.ToLowerInvariant(p.Phrase[0]))
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>
    /// A scanner for <paramref name="phrases"/> in alternation order, or null when one of them is outside what
    /// it handles exactly (empty, not ASCII, or not starting with a letter or digit): the caller then keeps to
    /// the pattern.
    /// </summary>
    public static PhraseScanner? Create(IReadOnlyList<string> phrases, bool wholeWords) =>
        phrases.Count > 0 && phrases.All(p => p.Length > 0 && Ascii.IsValid(p) && char.IsAsciiLetterOrDigit(p[0]))
            ? new PhraseScanner(phrases, wholeWords)
            : null;

    /// <summary>The phrases in <paramref name="text"/>, leftmost first, as the pattern's successive matches.</summary>
    public Enumerator Scan(ReadOnlySpan<char> text)
    {
        if (text.Contains(KelvinSign))
        {
            var folded = text.ToArray();
            folded.AsSpan().Replace(KelvinSign, 'K');
            text = folded;
        }

        return new Enumerator(this, text);
    }

    /// <summary>Walks the phrases of one text; <see cref="Current"/> is a phrase's start, length and place in the list.</summary>
    public ref struct Enumerator(PhraseScanner scanner, ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> text = text;
        private int position;

        public (int Index, int Length, int Phrase) Current { get; private set; }

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (position <= text.Length)
            {
                var found = text[position..].IndexOfAny(scanner.any);
                if (found < 0)
                {
                    break;
                }

                var at = position + found;
                if (scanner.MatchAt(text, at, out var length, out var phrase))
                {
                    Current = (at, length, phrase);
                    position = at + length;
                    return true;
                }

                position = at + 1;
            }

            position = text.Length + 1;
            return false;
        }
    }

    private bool MatchAt(ReadOnlySpan<char> text, int at, out int length, out int phrase)
    {
        (length, phrase) = (0, -1);
        var before = at > 0 ? text[at - 1] : '\0';
        if (at > 0 && (wholeWords ? before == '-' || IsWordCharacter(before) : IsBoundaryWordCharacter(before)))
        {
            return false;
        }

        if (!byFirstLetter.TryGetValue(char.ToLowerInvariant(text[at]), out var candidates))
        {
            return false;
        }

        var rest = text[at..];
        foreach (var (candidate, index) in candidates)
        {
            if (!rest.StartsWith(candidate, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (wholeWords && rest.Length > candidate.Length && (rest[candidate.Length] == '-' || IsWordCharacter(rest[candidate.Length])))
            {
                continue;
            }

            (length, phrase) = (candidate.Length, index);
            return true;
        }

        return false;
    }

    // \w: letters, digits, connector punctuation and non-spacing marks, as the regex engine counts them.
    private static bool IsWordCharacter(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) || c == '_' : WordCharacter.IsMatch(new ReadOnlySpan<char>(in c));

    // \b also counts the zero-width joiner and non-joiner as word characters.
    private static bool IsBoundaryWordCharacter(char c) => IsWordCharacter(c) || c is '\u200C' or '\u200D';
}
