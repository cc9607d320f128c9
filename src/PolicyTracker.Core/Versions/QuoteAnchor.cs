using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Versions;

/// <summary>How a quote of an older version was found again in a newer one.</summary>
public enum AnchorKind
{
    /// <summary>The same text at the same offsets.</summary>
    Same,

    /// <summary>
    /// The same statement elsewhere: the identical text at other offsets, or text that differs only in spacing, line
    /// wrapping, invisible format characters, quote or dash style. Only typesetting differs, so a review of the old
    /// quote holds for the new one as it is.
    /// </summary>
    Moved,

    /// <summary>The statement edited in place (a word changed, a clause added or dropped): a review should be looked at again.</summary>
    Changed,

    /// <summary>No statement of the new text is the old quote's.</summary>
    Lost,
}

/// <summary>Where an older quote stands in the newer text.</summary>
/// <param name="Kind">How it was found.</param>
/// <param name="Span">Its span in the newer text; null when <see cref="AnchorKind.Lost"/>.</param>
/// <param name="Similarity">How alike the two wordings are, from 0 to 1 (1 for same and moved quotes).</param>
public sealed record AnchorResult(AnchorKind Kind, TextSpan? Span, double Similarity)
{
    /// <summary>The quote is not in the newer text.</summary>
    public static AnchorResult Lost { get; } = new(AnchorKind.Lost, null, 0);
}

/// <summary>
/// Finds the quotes of an older version of a text in a newer one, so what is attached to a quote (an editor's review)
/// follows its statement. Build one per pair of texts and anchor every quote through it: the newer text is indexed
/// once, and each quote is then compared only with the few places that share its rarest words, never with the whole
/// text.
/// </summary>
public sealed class QuoteAnchor
{
    /// <summary>The share of words (Dice) an edited statement must keep with its old quote.</summary>
    public const double MinimumSimilarity = 0.6;

    /// <summary>A lower share still anchors when the words around the statement are the old ones.</summary>
    public const double MinimumSimilarityInContext = 0.45;

    /// <summary>How many characters each side of a quote count as its context.</summary>
    public const int ContextLength = 60;

    // A word found more often than this says little about where a quote went and would cost a scan of its places.
    private const int MaxPlacesPerWord = 400;
    private const int MaxAnchorWords = 12;
    private const int MaxCandidates = 6;

    private readonly string oldText;
    private readonly string newText;
    private readonly List<Word> newWords;
    private readonly Dictionary<string, List<int>> placesOfWord = new(StringComparer.Ordinal);
    private readonly Lazy<TypesetText> typesetNew;

    /// <summary>Prepares anchoring quotes of <paramref name="oldText"/> in <paramref name="newText"/>.</summary>
    public QuoteAnchor(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        this.oldText = oldText;
        this.newText = newText;
        newWords = Words.Of(newText);
        for (var i = 0; i < newWords.Count; i++)
        {
            if (!placesOfWord.TryGetValue(newWords[i].Text, out var places))
            {
                places = [];
                placesOfWord[newWords[i].Text] = places;
            }

            places.Add(i);
        }

        typesetNew = new Lazy<TypesetText>(() => TypesetText.Of(newText, 0, newText.Length));
    }

    /// <summary>Anchors one quote of <paramref name="oldText"/> in <paramref name="newText"/>.</summary>
    public static AnchorResult Anchor(string oldText, TextSpan oldQuote, string newText) =>
        new QuoteAnchor(oldText, newText).Anchor(oldQuote);

    /// <summary>Where the old text's quote at <paramref name="oldQuote"/> stands in the new text.</summary>
    public AnchorResult Anchor(TextSpan oldQuote)
    {
        if (oldQuote.Start < 0 || oldQuote.End > oldText.Length || oldQuote.Length <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(oldQuote), oldQuote, "The quote must be a non-empty span of the old text.");
        }

        var quote = oldQuote.Slice(oldText);
        if (oldQuote.End <= newText.Length && oldQuote.Of(newText).SequenceEqual(quote))
        {
            return new AnchorResult(AnchorKind.Same, oldQuote, 1);
        }

        var context = Context.Around(oldText, oldQuote);
        if (Best(ExactPlaces(quote), context, oldQuote) is { } exact)
        {
            return new AnchorResult(AnchorKind.Moved, exact, 1);
        }

        if (Best(TypesetPlaces(oldQuote), context, oldQuote) is { } typeset)
        {
            return new AnchorResult(AnchorKind.Moved, typeset, 1);
        }

        return Edited(oldQuote, context);
    }

    private IEnumerable<TextSpan> ExactPlaces(string quote)
    {
        for (var at = newText.IndexOf(quote, StringComparison.Ordinal); at >= 0;
             at = newText.IndexOf(quote, at + 1, StringComparison.Ordinal))
        {
            yield return new TextSpan(at, at + quote.Length);
        }
    }

    private IEnumerable<TextSpan> TypesetPlaces(TextSpan oldQuote)
    {
        var quote = TypesetText.Of(oldText, oldQuote.Start, oldQuote.End).Text.Trim();
        if (quote.Length == 0)
        {
            yield break;
        }

        var text = typesetNew.Value;
        for (var at = text.Text.IndexOf(quote, StringComparison.Ordinal); at >= 0;
             at = text.Text.IndexOf(quote, at + 1, StringComparison.Ordinal))
        {
            yield return text.Original(at, at + quote.Length);
        }
    }

    // Among several places of the same words, the one whose surroundings read most like the old ones, then the one
    // nearest the old place relative to each text's length.
    private TextSpan? Best(IEnumerable<TextSpan> places, Context context, TextSpan oldQuote)
    {
        var oldPosition = Position(oldQuote.Start, oldText.Length);
        return places
            .Select(p => (Span: p, Context: context.Similarity(Context.Around(newText, p)),
                Distance: Math.Abs(Position(p.Start, newText.Length) - oldPosition)))
            .OrderByDescending(p => p.Context)
            .ThenBy(p => p.Distance)
            .Select(p => (TextSpan?)p.Span)
            .FirstOrDefault();
    }

    private static double Position(int offset, int length) => length == 0 ? 0 : (double)offset / length;

    private AnchorResult Edited(TextSpan oldQuote, Context context)
    {
        var quoteWords = Words.Of(oldText, oldQuote.Start, oldQuote.End);
        if (quoteWords.Count == 0)
        {
            return AnchorResult.Lost;
        }

        var best = AnchorResult.Lost;
        var bestScore = double.MinValue;
        foreach (var (region, similarity) in CandidateRegions(quoteWords))
        {
            var span = new TextSpan(newWords[region.First].Span.Start, newWords[region.Last].Span.End);
            var around = context.Similarity(Context.Around(newText, span));
            var anchors = similarity >= MinimumSimilarity || (similarity >= MinimumSimilarityInContext && around >= 0.5);

            // Context only breaks near ties: the wording decides.
            var score = similarity + (0.2 * around);
            if (anchors && score > bestScore)
            {
                bestScore = score;
                best = new AnchorResult(AnchorKind.Changed, Clauses.Snap(oldText, oldQuote, newText, span), similarity);
            }
        }

        return best;
    }

    // The word ranges of the new text that may hold the edited quote. The quote's rarest words vote for where the
    // quote would start if each stood at its old place in it; the starts most words agree on (within a tolerance
    // for words added or dropped) are aligned with the quote word by word, and each gives the range from its first
    // to its last aligned word.
    private IEnumerable<((int First, int Last) Region, double Similarity)> CandidateRegions(List<Word> quoteWords)
    {
        var anchorWords = quoteWords
            .Select(w => w.Text)
            .Distinct(StringComparer.Ordinal)
            .Select(w => (Word: w, Places: placesOfWord.GetValueOrDefault(w)))
            .Where(w => w.Places is { Count: > 0 and <= MaxPlacesPerWord })
            .OrderBy(w => w.Places!.Count)
            .Take(MaxAnchorWords)
            .ToList();
        if (anchorWords.Count == 0)
        {
            return [];
        }

        var votes = new List<(int Start, int Word)>();
        for (var a = 0; a < anchorWords.Count; a++)
        {
            for (var q = 0; q < quoteWords.Count; q++)
            {
                if (quoteWords[q].Text == anchorWords[a].Word)
                {
                    votes.AddRange(anchorWords[a].Places!.Select(p => (p - q, a)));
                }
            }
        }

        votes.Sort();
        var tolerance = Math.Max(4, quoteWords.Count / 4);
        var starts = new List<(int Start, int Agreeing)>();
        for (int i = 0, j = 0; i < votes.Count; i++)
        {
            while (j < votes.Count && votes[j].Start <= votes[i].Start + tolerance)
            {
                j++;
            }

            var agreeing = new HashSet<int>();
            for (var k = i; k < j; k++)
            {
                agreeing.Add(votes[k].Word);
            }

            starts.Add((votes[i].Start, agreeing.Count));
        }

        var chosen = new List<int>();
        foreach (var (start, _) in starts.OrderByDescending(s => s.Agreeing).ThenBy(s => s.Start))
        {
            if (chosen.Count == MaxCandidates)
            {
                break;
            }

            if (chosen.TrueForAll(c => Math.Abs(c - start) > tolerance))
            {
                chosen.Add(start);
            }
        }

        return chosen.Select(start => Align(quoteWords, start - tolerance, start + quoteWords.Count + (2 * tolerance)))
            .OfType<((int, int), double)>();
    }

    // Aligns the quote word by word with a window of the new text and keeps the run of aligned words that reads most
    // like the quote: twice the words aligned over the quote's words and the run's (Dice). Common words aligned far
    // off ("we", "your" in the sentence before) would otherwise stretch the run over a neighbouring statement.
    private ((int First, int Last) Region, double Similarity)? Align(List<Word> quoteWords, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(newWords.Count, to);
        if (from >= to)
        {
            return null;
        }

        var symbols = new SymbolTable();
        var quote = quoteWords.Select(w => symbols[w.Text]).ToArray();
        var window = newWords.GetRange(from, to - from).Select(w => symbols[w.Text]).ToArray();
        var matches = MyersDiff.Matches(quote, window);
        ((int, int) Region, double Similarity)? best = null;
        for (var first = 0; first < matches.Count; first++)
        {
            for (var last = first; last < matches.Count; last++)
            {
                var length = matches[last].B - matches[first].B + 1;
                var similarity = 2.0 * (last - first + 1) / (quote.Length + length);
                if (best is null || similarity > best.Value.Similarity)
                {
                    best = ((from + matches[first].B, from + matches[last].B), similarity);
                }
            }
        }

        return best;
    }

    /// <summary>The words just before and just after a span: where it stands.</summary>
    private sealed record Context(List<Word> Before, List<Word> After)
    {
        public static Context Around(string text, TextSpan span) => new(
            Words.Of(text, Math.Max(0, span.Start - ContextLength), span.Start),
            Words.Of(text, span.End, Math.Min(text.Length, span.End + ContextLength)));

        public double Similarity(Context other) => (Words.Dice(Before, other.Before) + Words.Dice(After, other.After)) / 2;
    }
}
