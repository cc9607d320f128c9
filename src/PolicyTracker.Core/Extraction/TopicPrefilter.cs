using System.Text.RegularExpressions;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// Finds, in one scan of a statement, which topics it can be about at all: a topic is a candidate when the
/// text holds one of its keywords (word beginnings such as "delet" or "train"). Most statements hold none, so
/// most topics' patterns are never run on them. A topic without keywords is always a candidate.
/// </summary>
internal sealed class TopicPrefilter
{
    // Null when no topic has keywords: every topic is then tried on every statement.
    private readonly Regex? stems;

    // The same search as stems, faster, when the keywords allow it; topics by keyword, in the scanner's order.
    private readonly PhraseScanner? scanner;
    private readonly int[][] topicsByScannerPhrase = [];
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> topicsByStem;
    private readonly int[] alwaysTried;

    public TopicPrefilter(IReadOnlyList<IReadOnlyList<string>> keywordsByTopic)
    {
        var keywords = keywordsByTopic
            .SelectMany((words, topic) => words.Select(w => (Word: w.ToLowerInvariant(), Topic: topic)))
            .ToList();
        var distinct = keywords.Select(k => k.Word).Distinct(StringComparer.Ordinal).ToList();

        // The scan reports the longest stem at each place, so a stem also stands for every topic whose keyword
        // is a shorter beginning of it: "training" selects the topics keyed by "train" too.
        topicsByStem = distinct.ToDictionary(
            stem => stem,
            stem => keywords.Where(k => stem.StartsWith(k.Word, StringComparison.Ordinal)).Select(k => k.Topic).Distinct().ToArray(),
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        alwaysTried = [.. keywordsByTopic.Select((words, topic) => (words, topic)).Where(t => t.words.Count == 0).Select(t => t.topic)];
        var ordered = distinct.OrderByDescending(s => s.Length).ToList();
        stems = distinct.Count == 0 ? null : new Regex(
            @"\b(?:" + string.Join('|', ordered.Select(Regex.Escape)) + ")",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        scanner = PhraseScanner.Create(ordered, wholeWords: false);
        if (scanner is not null)
        {
            var lookup = topicsByStem;
            topicsByScannerPhrase = [.. ordered.Select(stem => lookup[stem])];
        }
    }

    /// <summary>Marks in <paramref name="candidates"/> (one flag per topic, cleared first) the topics <paramref name="text"/> can be about.</summary>
    public void Mark(ReadOnlySpan<char> text, bool[] candidates)
    {
        Array.Clear(candidates);
        MarkAlso(text, candidates);
    }

    /// <summary>Marks in <paramref name="candidates"/>, keeping those already marked, the topics <paramref name="text"/> can be about.</summary>
    public void MarkAlso(ReadOnlySpan<char> text, bool[] candidates)
    {
        foreach (var topic in alwaysTried)
        {
            candidates[topic] = true;
        }

        if (stems is null)
        {
            return;
        }

        if (scanner is not null)
        {
            foreach (var (_, _, stem) in scanner.Scan(text))
            {
                foreach (var topic in topicsByScannerPhrase[stem])
                {
                    candidates[topic] = true;
                }
            }

            return;
        }

        foreach (var match in stems.EnumerateMatches(text))
        {
            foreach (var topic in topicsByStem[text.Slice(match.Index, match.Length)])
            {
                candidates[topic] = true;
            }
        }
    }
}
