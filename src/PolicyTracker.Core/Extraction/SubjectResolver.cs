using System.Text.RegularExpressions;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// Decides which organisation a statement is about: one named in the statement (the mention nearest before
/// the statement's trigger word), else one named in its context, else the document's main subject.
/// </summary>
internal sealed partial class SubjectResolver(TopicCatalog catalog)
{
    private const int TitleWeight = 3;

    /// <summary>The organisation a document is mostly about: the most mentioned one, the title counting extra.</summary>
    public string MainSubject(string text, string? title)
    {
        var scores = new Dictionary<string, (int Score, int First)>(StringComparer.Ordinal);
        foreach (var (subject, index, _) in AllMentions(text))
        {
            scores[subject] = scores.TryGetValue(subject, out var s) ? (s.Score + 1, s.First) : (1, index);
        }

        foreach (var (subject, _, _) in AllMentions(title ?? string.Empty))
        {
            scores[subject] = scores.TryGetValue(subject, out var s) ? (s.Score + TitleWeight, s.First) : (TitleWeight, int.MaxValue);
        }

        var best = scores.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Value.First).FirstOrDefault();
        return best.Key ?? SubjectFromTitle(title) ?? "unknown";
    }

    /// <summary>The organisations named in <paramref name="text"/>, with where each mention starts.</summary>
    public IEnumerable<(string Subject, int Index, int Length)> Mentions(string text) =>
        AllMentions(text).Where(m => !IsComparison(text, m.Index));

    // One scan finds every organisation: the catalog's names are one pattern with a group per organisation.
    private IEnumerable<(string Subject, int Index, int Length)> AllMentions(string text)
    {
        foreach (Match match in catalog.OrganisationNames.Matches(text))
        {
            for (var i = 0; i < catalog.Organisations.Count; i++)
            {
                if (match.Groups[i + 1].Success)
                {
                    yield return (catalog.Organisations[i].Subject, match.Index, match.Length);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The organisation that acts in <paramref name="text"/>: a mention followed by its verb ("Cohere does not
    /// use"), else the mention nearest before <paramref name="anchor"/>, else the first one after it; null when none.
    /// </summary>
    public (string Subject, int Index, int Length)? Pick(string text, int anchor)
    {
        var mentions = Mentions(text).ToList();
        if (mentions.Count == 0)
        {
            return null;
        }

        var actor = mentions.FirstOrDefault(m => ActorVerb().IsMatch(text, m.Index + m.Length));
        if (actor.Subject is not null)
        {
            return actor;
        }

        var before = mentions.Where(m => m.Index <= anchor).OrderByDescending(m => m.Index).FirstOrDefault();
        return before.Subject is not null ? before : mentions.OrderBy(m => m.Index).First();
    }

    // "Unlike OpenAI, Anthropic ..." and "more than Google" name an organisation the statement is not about.
    private static bool IsComparison(string text, int index)
    {
        var before = text[Math.Max(0, index - 14)..index];
        return ComparisonCue().IsMatch(before);
    }

    // A policy of a company the catalog does not know: "Acme AI Privacy Policy" is about acme-ai.
    private static string? SubjectFromTitle(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var match = TitleOwner().Match(title);
        if (!match.Success)
        {
            return null;
        }

        var slug = NonSlug().Replace(match.Groups["owner"].Value.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 0 ? slug : null;
    }

    [GeneratedRegex(@"\b(?:unlike|than|like|versus|vs\.?|compared (?:to|with)|such as|including|e\.g\.,?)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex ComparisonCue();

    // A name followed by a verb is the one doing something: "Cohere does not use", "OpenAI keeps".
    [GeneratedRegex(@"\G(?:[’']s \w+)?\s+(?:does|do|doesn[’']t|don[’']t|did|will|won[’']t|would|may|might|can|cannot|can[’']t|uses?|used|trains?|keeps?|retains?|deletes?|says|said|asks|asked|lets|offers|stores|has|have|is|are|was|never|also|only|collects|shares|sells|encrypts|introduced|added|changed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ActorVerb();

    [GeneratedRegex(@"^\s*(?<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})(?:[’']s)?\s+(?:Privacy|Terms|Data|Cookie|Usage|Acceptable|Trust)\b")]
    private static partial Regex TitleOwner();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
