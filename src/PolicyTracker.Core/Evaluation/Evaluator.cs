using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Extraction;

namespace PolicyTracker.Core.Evaluation;

/// <summary>Counts of one comparison between found and labelled claims.</summary>
public sealed record Score(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Share of found claims that are labelled; 1 when nothing was found.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Share of labelled claims that were found; 1 when nothing was labelled.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Adds two scores.</summary>
    public static Score operator +(Score a, Score b) => new(
        a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

/// <summary>A claim that was found but not labelled, or labelled but not found.</summary>
public sealed record ClaimMiss(string Source, string Subject, string Topic, string Scope, string Value, string Quote, double? Confidence = null);

/// <summary>Everything <see cref="Evaluator"/> measured.</summary>
public sealed record EvaluationReport(
    Score Overall,
    IReadOnlyDictionary<string, Score> ByTopic,
    IReadOnlyList<ClaimMiss> Spurious,
    IReadOnlyList<ClaimMiss> Missed,
    IReadOnlyList<string> ContradictionsFound,
    IReadOnlyList<string> ContradictionsMissed,
    IReadOnlyList<string> ContradictionsExtra)
{
    /// <summary>Found claims below the confidence threshold: suggestions for editors, not scored as claims.</summary>
    public int Suggestions { get; init; }

    /// <summary>Spurious claims that a labelled claim matches in all but its scope: right statement, wrong plan.</summary>
    public int WrongScope { get; init; }

    /// <summary>Share of claims right but for their scope that have the right scope too; 1 when there are none.</summary>
    public double ScopeAccuracy =>
        Overall.TruePositives + WrongScope == 0 ? 1 : (double)Overall.TruePositives / (Overall.TruePositives + WrongScope);
}

/// <summary>
/// Scores found claims against a gold file. A found claim matches a labelled one when both name the same
/// source, subject, topic, scope and value and their quotes are the same statement: one contains the
/// other, or three quarters of the shorter one's significant words are in the longer one. Each labelled
/// claim matches once, and a containing quote is preferred over a merely similar one.
/// </summary>
public static class Evaluator
{
    private const double SameStatementShare = 0.75;

    // Words this short ("the", "our", "30") say little about which statement a quote is.
    private const int SignificantLength = 4;

    /// <summary>
    /// Scores <paramref name="found"/> (claims per source file name) against <paramref name="gold"/>. Claims below
    /// <paramref name="threshold"/> are suggestions, which the app shows apart and compares with nothing: they are
    /// counted, not scored.
    /// </summary>
    public static EvaluationReport Score(
        GoldFile gold, IReadOnlyDictionary<string, IReadOnlyList<ExtractedClaim>> found, double threshold = Confidence.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(found);

        var byTopic = new SortedDictionary<string, Score>(StringComparer.Ordinal);
        var spurious = new List<ClaimMiss>();
        var missed = new List<ClaimMiss>();
        var goldForComparison = new List<ComparableClaim>();
        var foundForComparison = new List<ComparableClaim>();
        var suggestions = 0;
        var wrongScope = 0;

        // The comparison tells sources apart by id; here each gold document is one source.
        var sourceId = 0L;
        foreach (var document in gold.Documents)
        {
            sourceId++;
            var all = found.TryGetValue(document.Source, out var list) ? list : [];
            var predicted = all.Where(c => !c.IsSuggestion(threshold)).ToList();
            suggestions += all.Count - predicted.Count;
            var unmatchedGold = document.Claims.ToList();

            foreach (var claim in predicted)
            {
                foundForComparison.Add(new(foundForComparison.Count, sourceId, document.Source, claim.Subject, claim.Topic, claim.Scope, claim.Value));
                var match = unmatchedGold.FindIndex(g => Matches(g, claim, Contains));
                if (match < 0)
                {
                    match = unmatchedGold.FindIndex(g => Matches(g, claim, SameStatement));
                }

                if (match >= 0)
                {
                    unmatchedGold.RemoveAt(match);
                    Count(byTopic, claim.Topic, new Score(1, 0, 0));
                }
                else
                {
                    if (unmatchedGold.Exists(g => Matches(g with { Scope = claim.Scope }, claim, SameStatement)))
                    {
                        wrongScope++;
                    }

                    Count(byTopic, claim.Topic, new Score(0, 1, 0));
                    spurious.Add(new(document.Source, claim.Subject, claim.Topic, claim.Scope, claim.Value, claim.Quote, claim.Confidence));
                }
            }

            foreach (var claim in unmatchedGold)
            {
                Count(byTopic, claim.Topic, new Score(0, 0, 1));
                missed.Add(new(document.Source, claim.Subject, claim.Topic, claim.Scope, claim.Value, claim.Quote));
            }

            foreach (var claim in document.Claims)
            {
                goldForComparison.Add(new(goldForComparison.Count, sourceId, document.Source, claim.Subject, claim.Topic, claim.Scope, claim.Value));
            }
        }

        var expectedKeys = ContradictionKeys(goldForComparison);
        var foundKeys = ContradictionKeys(foundForComparison);
        var overall = byTopic.Values.Aggregate(new Score(0, 0, 0), (a, b) => a + b);

        return new EvaluationReport(
            overall,
            byTopic,
            spurious,
            missed,
            [.. expectedKeys.Intersect(foundKeys)],
            [.. expectedKeys.Except(foundKeys)],
            [.. foundKeys.Except(expectedKeys)])
        {
            Suggestions = suggestions,
            WrongScope = wrongScope,
        };
    }

    /// <summary>True when one quote contains the other, white space and case aside.</summary>
    internal static bool Contains(string a, string b)
    {
        var x = Normalise(a);
        var y = Normalise(b);
        return x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal);
    }

    /// <summary>True when the two quotes make the same statement (see the class remarks).</summary>
    internal static bool SameStatement(string a, string b)
    {
        if (Contains(a, b))
        {
            return true;
        }

        var x = Normalise(a);
        var y = Normalise(b);
        var xWords = Words(x);
        var yWords = Words(y);
        var shorter = Math.Min(xWords.Count, yWords.Count);
        return shorter > 0 && (double)xWords.Intersect(yWords).Count() / shorter >= SameStatementShare;
    }

    private static bool Matches(GoldClaim gold, ExtractedClaim found, Func<string, string, bool> sameQuote) =>
        gold.Subject == found.Subject
        && gold.Topic == found.Topic
        && gold.Scope == found.Scope
        && gold.Value == found.Value
        && sameQuote(gold.Quote, found.Quote);

    private static void Count(SortedDictionary<string, Score> byTopic, string topic, Score score) =>
        byTopic[topic] = byTopic.TryGetValue(topic, out var current) ? current + score : score;

    private static List<string> ContradictionKeys(List<ComparableClaim> claims) =>
        [.. ClaimComparer.Compare(claims).Contradictions.Select(c => $"{c.Subject} {c.Topic}").Order(StringComparer.Ordinal)];

    private static string Normalise(string quote) =>
        string.Join(' ', quote.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant()
            .Replace('\u2019', '\'').Replace('\u2018', '\'');

    private static HashSet<string> Words(string normalised) =>
        normalised.Split([' ', ',', '.', ';', ':', '(', ')', '"', '!', '?', '|'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= SignificantLength)
            .ToHashSet(StringComparer.Ordinal);
}
