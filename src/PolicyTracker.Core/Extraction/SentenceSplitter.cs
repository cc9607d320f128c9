using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// Splits a block of text into sentences. A sentence ends at '.', '!' or '?' (with any closing quotes or
/// brackets) followed by white space and a capital letter, digit, quote or bracket, or at a line break.
/// Abbreviations ("e.g.", "Inc.", "U.S.", "Art.") and initials do not end a sentence, nor do decimal numbers.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "v", "cf", "al", "approx", "ca", "esp", "incl", "resp",
        "inc", "ltd", "llc", "co", "corp", "plc", "gmbh", "dept", "univ",
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "no", "nos", "vol", "pp", "p", "ch",
        "art", "arts", "sec", "secs", "para", "cal", "civ", "reg", "stat", "u.s", "u.k", "e.u", "u.s.a",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig",
    };

    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "We", "You", "Your", "Our", "They", "Their", "It", "Its", "This", "That", "These", "Those", "The", "If",
        "When", "In", "For", "As", "All", "No", "Yes", "However", "But", "And", "Users", "Data",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup =
        SentenceOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The sentences of <paramref name="span"/> of <paramref name="text"/>, trimmed of white space.</summary>
    public static IReadOnlyList<TextSpan> Split(string text, TextSpan span)
    {
        var sentences = new List<TextSpan>();
        SplitInto(text, span, sentences);
        return sentences;
    }

    /// <summary>Adds the sentences of <paramref name="span"/> to <paramref name="sentences"/>, so one list serves a whole document.</summary>
    internal static void SplitInto(string text, TextSpan span, List<TextSpan> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = span.Start;
        for (var i = span.Start; i < span.End; i++)
        {
            var c = text[i];
            int end;
            if (c is '\n' or '\r')
            {
                // The break itself belongs to neither sentence; the next one starts after it.
                end = i;
                var before = Trim(text, start, end);
                if (before.Length > 0)
                {
                    sentences.Add(before);
                }

                start = i + 1;
                continue;
            }
            else if (c == '→' && i + 1 < span.End && char.IsUpper(text[i + 1]))
            {
                // A link arrow glued to the next sentence ("Compare across platforms →The opt-out ...").
                end = i + 1;
            }
            else if (c is '.' or '!' or '?' or '…' && EndsSentence(text, span, i))
            {
                end = i + 1;
                while (end < span.End && IsCloser(text[end]))
                {
                    end++;
                }
            }
            else
            {
                continue;
            }

            var sentence = Trim(text, start, end);
            if (sentence.Length > 0)
            {
                sentences.Add(sentence);
            }

            start = end;
            i = end - 1;
        }

        var last = Trim(text, start, span.End);
        if (last.Length > 0)
        {
            sentences.Add(last);
        }
    }

    private static bool EndsSentence(string text, TextSpan span, int i)
    {
        var next = i + 1;
        while (next < span.End && IsCloser(text[next]))
        {
            next++;
        }

        if (next >= span.End)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[next]))
        {
            return false;
        }

        while (next < span.End && text[next] is ' ' or '\t' or '\u00A0')
        {
            next++;
        }

        if (next >= span.End || text[next] is '\n' or '\r' || text[i] is '?' or '!')
        {
            return true;
        }

        var following = text[next];
        if (!(char.IsUpper(following) || char.IsDigit(following) || following is '"' or '“' or '‘' or '\'' or '(' or '[' or '•' or '-' or '–'))
        {
            return false;
        }

        return text[i] != '.' || !IsAbbreviation(text, span.Start, i) || StartsSentence(text, next, span.End);
    }

    // "... in the E.U. We never sell data.": after an abbreviation, a word that typically opens a sentence
    // ends it all the same; a name after "Mr." or "Inc." does not.
    private static bool StartsSentence(string text, int start, int end)
    {
        var wordEnd = start;
        while (wordEnd < end && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        return OpenerLookup.Contains(text.AsSpan(start, wordEnd - start));
    }

    private static bool IsAbbreviation(string text, int blockStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > blockStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 0)
        {
            return false;
        }

        // A single capital letter is an initial ("J. Smith"); a word with inner dots is an abbreviation ("U.S.").
        return (word.Length == 1 && char.IsUpper(word[0])) || AbbreviationLookup.Contains(word);
    }

    private static bool IsCloser(char c) => c is '"' or '”' or '’' or '\'' or ')' or ']' or '»';

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end);
    }
}
