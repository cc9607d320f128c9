using System.Collections.Frozen;
using System.Text;

namespace PolicyTracker.Core.Text;

/// <summary>
/// What most of a document's visible text is written in, when the claim extractor cannot read it. The extractor's
/// catalog is English: a policy in Chinese is stored with no claims, and without this the reader could take
/// "0 claims" to mean the policy says nothing.
/// </summary>
/// <param name="Name">Worded to follow "its text is mostly": "Chinese", "in Cyrillic script", "in a language other than English".</param>
public sealed record UnreadLanguage(string Name)
{
    /// <summary>Fewer Latin words than this are too few to tell English from another language by its commonest words.</summary>
    private const int MinLatinWords = 50;

    /// <summary>
    /// The commonest English words, which any English prose is full of (a fifth to a third of the words of every real
    /// policy in the test corpus). Words that are also common in the languages below ("in", "die", "an") are left out.
    /// </summary>
    private static readonly string[] EnglishWords =
    [
        "the", "and", "of", "to", "for", "you", "your", "that", "with", "this", "which", "from", "our", "their", "these",
        "have", "is", "are", "or", "by", "we",
    ];

    /// <summary>
    /// The commonest words of French, German, Spanish, Italian, Portuguese and Dutch that English text does not use:
    /// words an English policy does write ("de-identified", "non-personal", "per day", ".com", "DoS", "Chicago, IL")
    /// are left out, so an English policy scores near nothing here (3 % at most over the test corpus, from "Le Chat").
    /// </summary>
    private static readonly string[] OtherLatinWords =
    [
        // French
        "le", "la", "les", "des", "du", "et", "est", "vous", "nous", "pour", "dans", "une", "qui", "sur", "pas", "au",
        "aux", "avec", "vos", "votre", "nos", "notre", "sont", "ces", "que",
        // German
        "der", "die", "das", "und", "ist", "nicht", "wir", "sie", "ihre", "mit", "von", "für", "auf", "werden", "eine",
        "einer", "dem", "zu", "sich", "oder", "auch", "bei", "ein", "sind", "wird",
        // Spanish
        "el", "los", "las", "y", "para", "por", "del", "su", "sus", "al", "como", "usted", "nuestro", "nuestra", "cuando",
        "con", "se", "es", "lo",
        // Italian
        "di", "che", "gli", "della", "dei", "delle", "sono", "nel", "alla", "questo", "questa", "tuoi", "suoi",
        // Portuguese
        "não", "em", "uma", "seu", "sua", "você", "seus", "suas", "pelo", "pela", "ao", "são", "da", "das",
        // Dutch
        "het", "een", "je", "uw", "wij", "voor", "niet", "zijn", "dat", "te", "ons", "onze", "worden", "wordt", "deze", "naar",
    ];

    /// <summary>Each common word, true for English: one look-up a word, whatever its case, without making a string of it.</summary>
    private static readonly FrozenDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> CommonWords =
        EnglishWords.Select(w => KeyValuePair.Create(w, true))
            .Concat(OtherLatinWords.Select(w => KeyValuePair.Create(w, false)))
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A longer word is none of the common words, and is not looked up.</summary>
    private static readonly int LongestCommonWord = EnglishWords.Concat(OtherLatinWords).Max(w => w.Length);

    /// <summary>
    /// The language most of <paramref name="text"/> is in when the extractor does not read it; null for English, for
    /// text with no letters, and whenever it cannot be told.
    /// </summary>
    /// <remarks>
    /// One pass over the text, each letter counted by its script and each short Latin word looked up once: linear, and
    /// tens of milliseconds of processor time for the largest file the app accepts.
    /// <para>
    /// A text is in another script when fewer than half its letters are Latin. Counting letters favours Latin (one
    /// Chinese character says what a Latin word of several letters does), so an English policy that quotes names in
    /// Chinese or ends with a footer in both languages is never flagged, and a text is flagged only when the other
    /// script clearly fills it. The language is named where the script tells it (Han, Kana, Hangul, Greek, Thai...);
    /// a script several languages share is named as a script ("in Cyrillic script"), not guessed at.
    /// </para>
    /// <para>
    /// A text mostly in Latin letters is flagged only when its words are plainly those of another language: at least
    /// <see cref="MinLatinWords"/> words, a tenth of them among the commonest words of French, German, Spanish,
    /// Italian, Portuguese or Dutch, and those more than four times as many as the commonest English words. English
    /// always has those (telegraphic notes and lists without "the" have no French words either, and are not flagged),
    /// and a policy half in English is read, so it is not flagged. Other Latin-script languages (Polish, Turkish,
    /// Swedish...) are not recognised and go unflagged; which of the six a text is in is not said, as telling French
    /// from Catalan or Spanish from Galician takes more than a list of words, and a wrong name would mislead.
    /// </para>
    /// </remarks>
    public static UnreadLanguage? Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tally = Tally.Of(text);
        if (tally.Letters == 0)
        {
            return null;
        }

        return tally[Script.Latin] * 2 >= tally.Letters ? OfLatin(tally) : OfScript(tally);
    }

    private static UnreadLanguage? OfLatin(Tally tally) =>
        tally.LatinWords >= MinLatinWords && tally.OtherLatinWords * 10 >= tally.LatinWords && tally.OtherLatinWords > tally.EnglishWords * 4
            ? new("in a language other than English")
            : null;

    private static UnreadLanguage OfScript(Tally tally)
    {
        var (han, kana, hangul) = (tally[Script.Han], tally[Script.Kana], tally[Script.Hangul]);
        var eastAsian = han + kana + hangul;
        var largest = Scripts.Where(s => s is not (Script.Latin or Script.Han or Script.Kana or Script.Hangul)).MaxBy(s => tally[s]);
        if (eastAsian >= tally[largest])
        {
            // Korean is written in Hangul with the odd Han character. Japanese prose is more Kana than Han; Chinese has
            // none but in a quoted Japanese name, so a fifth of Kana tells them apart with room on both sides.
            return new(hangul > han + kana ? "Korean" : kana * 5 >= han + kana ? "Japanese" : "Chinese");
        }

        return new(largest switch
        {
            Script.Greek => "Greek",
            Script.Armenian => "Armenian",
            Script.Georgian => "Georgian",
            Script.Thai => "Thai",
            Script.Tamil => "Tamil",
            Script.Cyrillic => "in Cyrillic script",
            Script.Arabic => "in Arabic script",
            Script.Hebrew => "in Hebrew script",
            Script.Devanagari => "in Devanagari script",
            Script.Bengali => "in Bengali script",
            _ => "in a script other than Latin",
        });
    }

    private static readonly Script[] Scripts = Enum.GetValues<Script>();

    private enum Script
    {
        Latin,
        Han,
        Kana,
        Hangul,
        Greek,
        Cyrillic,
        Armenian,
        Hebrew,
        Arabic,
        Devanagari,
        Bengali,
        Tamil,
        Thai,
        Georgian,
        Other,
    }

    /// <summary>The Unicode blocks of each script counted, by first code point; a letter in none of them is <see cref="Script.Other"/>.</summary>
    private static readonly (int First, int Last, Script Script)[] Blocks =
    [
        .. new (int, int, Script)[]
        {
            (0x00C0, 0x02AF, Script.Latin), // Latin-1 letters, Latin Extended-A and -B, IPA
            (0x1E00, 0x1EFF, Script.Latin), // Latin Extended Additional (Vietnamese)
            (0x2C60, 0x2C7F, Script.Latin),
            (0xA720, 0xA7FF, Script.Latin),
            (0xAB30, 0xAB6F, Script.Latin),
            (0xFF21, 0xFF5A, Script.Latin), // full-width Latin, as East Asian text writes it
            (0x0370, 0x03FF, Script.Greek),
            (0x1F00, 0x1FFF, Script.Greek),
            (0x0400, 0x052F, Script.Cyrillic),
            (0x1C80, 0x1C8F, Script.Cyrillic),
            (0x2DE0, 0x2DFF, Script.Cyrillic),
            (0xA640, 0xA69F, Script.Cyrillic),
            (0x0530, 0x058F, Script.Armenian),
            (0x0590, 0x05FF, Script.Hebrew),
            (0xFB1D, 0xFB4F, Script.Hebrew),
            (0x0600, 0x06FF, Script.Arabic),
            (0x0750, 0x077F, Script.Arabic),
            (0x0870, 0x08FF, Script.Arabic),
            (0xFB50, 0xFDFF, Script.Arabic),
            (0xFE70, 0xFEFF, Script.Arabic),
            (0x0900, 0x097F, Script.Devanagari),
            (0xA8E0, 0xA8FF, Script.Devanagari),
            (0x0980, 0x09FF, Script.Bengali),
            (0x0B80, 0x0BFF, Script.Tamil),
            (0x0E00, 0x0E7F, Script.Thai),
            (0x10A0, 0x10FF, Script.Georgian),
            (0x1C90, 0x1CBF, Script.Georgian),
            (0x2D00, 0x2D2F, Script.Georgian),
            (0x1100, 0x11FF, Script.Hangul),
            (0x3130, 0x318F, Script.Hangul),
            (0xA960, 0xA97F, Script.Hangul),
            (0xAC00, 0xD7FF, Script.Hangul),
            (0xFFA0, 0xFFDC, Script.Hangul),
            (0x3040, 0x30FF, Script.Kana), // Hiragana, Katakana and the long-vowel mark
            (0x31F0, 0x31FF, Script.Kana),
            (0xFF66, 0xFF9F, Script.Kana),
            (0x1B000, 0x1B16F, Script.Kana),
            (0x3005, 0x3006, Script.Han), // the iteration mark 々 and 〆
            (0x3400, 0x4DBF, Script.Han),
            (0x4E00, 0x9FFF, Script.Han),
            (0xF900, 0xFAFF, Script.Han),
            (0x20000, 0x3FFFF, Script.Han),
        }.OrderBy(b => b.Item1),
    ];

    private static Script ScriptOf(int codePoint)
    {
        if (codePoint is >= 0x4E00 and <= 0x9FFF)
        {
            // The common Han characters, most of any Chinese or Japanese text, without a search.
            return Script.Han;
        }

        int low = 0, high = Blocks.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var (first, last, script) = Blocks[middle];
            if (codePoint < first)
            {
                high = middle - 1;
            }
            else if (codePoint > last)
            {
                low = middle + 1;
            }
            else
            {
                return script;
            }
        }

        return Script.Other;
    }

    /// <summary>A text's letters counted by script, and its Latin words by whether they are common English or common other words.</summary>
    private sealed class Tally
    {
        private readonly int[] counts = new int[Scripts.Length];

        public int Letters { get; private set; }

        public int LatinWords { get; private set; }

        public int EnglishWords { get; private set; }

        public int OtherLatinWords { get; private set; }

        public int this[Script script] => counts[(int)script];

        public static Tally Of(string text)
        {
            var tally = new Tally();
            var word = -1;
            for (var i = 0; i < text.Length;)
            {
                var c = text[i];
                Script? script;
                var length = 1;
                if (char.IsAscii(c))
                {
                    script = char.IsAsciiLetter(c) ? Script.Latin : null;
                }
                else if (!char.IsSurrogate(c))
                {
                    script = char.IsLetter(c) ? ScriptOf(c) : null;
                }
                else
                {
                    Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out length);
                    script = Rune.IsLetter(rune) ? ScriptOf(rune.Value) : null;
                }

                if (script is { } letter)
                {
                    tally.counts[(int)letter]++;
                    tally.Letters++;
                }

                // A Latin word is a run of Latin letters; any other character ends it.
                if (script == Script.Latin)
                {
                    word = word < 0 ? i : word;
                }
                else if (word >= 0)
                {
                    tally.CountWord(text.AsSpan(word, i - word));
                    word = -1;
                }

                i += length;
            }

            if (word >= 0)
            {
                tally.CountWord(text.AsSpan(word));
            }

            return tally;
        }

        private void CountWord(ReadOnlySpan<char> word)
        {
            LatinWords++;
            if (word.Length > LongestCommonWord)
            {
                return;
            }

            if (CommonWords.TryGetValue(word, out var english))
            {
                EnglishWords += english ? 1 : 0;
                OtherLatinWords += english ? 0 : 1;
            }
        }
    }
}
