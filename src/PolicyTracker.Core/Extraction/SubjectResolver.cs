using System.Text.RegularExpressions;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// Decides which organisation a statement is about: one named in the statement (the mention nearest before
/// the statement's trigger word), else one named in its context, else the document's main subject.
/// </summary>
internal sealed partial class SubjectResolver(TopicCatalog catalog)
{
    /// <summary>The subject of a document that names no organisation the catalog knows and declares none.</summary>
    public const string Unknown = "unknown";

    private const int TitleWeight = 3;

    // A heading of more words names a topic ("How we use Google Analytics"), not whose section it is.
    private const int HeadingOwnerWords = 4;

    // How far into a document its owner declares itself ("Acme, Inc. (“Acme”, “we”)").
    private const int DeclarationReach = 5000;

    /// <summary>The organisation a document is mostly about: the most mentioned one, the title counting extra.</summary>
    public DocumentOwner MainSubject(string text, string? title)
    {
        var scores = new Dictionary<string, (int Score, int First)>(StringComparer.Ordinal);
        foreach (var (subject, index, _) in Names(text))
        {
            scores[subject] = scores.TryGetValue(subject, out var s) ? (s.Score + 1, s.First) : (1, index);
        }

        foreach (var (subject, _, _) in Names(title))
        {
            scores[subject] = scores.TryGetValue(subject, out var s) ? (s.Score + TitleWeight, s.First) : (TitleWeight, int.MaxValue);
        }

        // The company that calls itself "we" owns the document, however often it names others (Google Analytics,
        // Meta's pixel); a declared owner the catalog knows is that subject, else its own name makes one.
        if (Declared(text) is { } owner)
        {
            return Names(owner) is [var known, ..] ? new DocumentOwner(known.Subject, null) : Owner(owner);
        }

        var best = scores.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Value.First).FirstOrDefault();

        // A policy titled with the name of a company the catalog does not know ("Zoom Privacy Statement") is that
        // company's, unless it names some known one more often: its own name, not the model providers it lists once.
        if (TitleOwner(title) is { } titleOwner && Names(titleOwner).Count == 0 && Slug(titleOwner) is var slug && slug != Unknown
            && (best.Key is null || Occurrences(text, titleOwner) > best.Value.Score))
        {
            return new DocumentOwner(slug, titleOwner);
        }

        return new DocumentOwner(best.Key ?? Unknown, null);
    }

    // A company the catalog does not know keeps its name beside its slug, so the name can act like "we".
    private static DocumentOwner Owner(string name) => Slug(name) is var slug && slug != Unknown ? new DocumentOwner(slug, name) : new DocumentOwner(slug, null);

    /// <summary>Adds where <paramref name="name"/> (a document owner's own name) stands as a whole word in <paramref name="text"/>, from <paramref name="offset"/>.</summary>
    public static void AddNameSpans(ReadOnlySpan<char> text, int offset, string name, List<TextSpan> spans)
    {
        for (var from = 0; text[from..].IndexOf(name, StringComparison.Ordinal) is var found and >= 0; from += found + name.Length)
        {
            if (IsWordAt(text, from + found, name.Length))
            {
                spans.Add(new TextSpan(offset + from + found, offset + from + found + name.Length));
            }
        }
    }

    private static int Occurrences(string text, string name)
    {
        var count = 0;
        for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal))
        {
            count += IsWordAt(text, i, name.Length) ? 1 : 0;
        }

        return count;
    }

    private static bool IsWordAt(ReadOnlySpan<char> text, int at, int length) =>
        (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + length == text.Length || !char.IsLetterOrDigit(text[at + length]));

    /// <summary>The name of the company declaring itself "we" near the start of <paramref name="text"/>; null when none does.</summary>
    private static string? Declared(string text)
    {
        var match = Declaration().Match(text, 0, Math.Min(text.Length, DeclarationReach));
        if (!match.Success)
        {
            // "Where this policy refers to "DeepL", "we", "us" or "our", it means DeepL SE": a name defined beside "we".
            var named = NamedBesideWe().Match(text, 0, Math.Min(text.Length, DeclarationReach));
            return named.Success && !GenericName().IsMatch(named.Groups["name"].Value) ? named.Groups["name"].Value : null;
        }

        // The short name the company defines for itself ("Eleven Labs Inc. ... (together, “ElevenLabs”, “we”)") is
        // the one it goes by; a generic one ("the Company") is not a name.
        var defined = DefinedName().Match(match.Groups["defs"].Value);
        return defined.Success && !GenericName().IsMatch(defined.Groups["name"].Value)
            ? defined.Groups["name"].Value
            : match.Groups["owner"].Value;
    }

    /// <summary>
    /// A company's slug, as analysts write it: the name without its legal form or a closing "AI", its words run
    /// together ("Hugging Face, Inc." is huggingface, "Stability AI Ltd" stability, "Character.AI" character).
    /// </summary>
    private static string Slug(string name)
    {
        var words = TrailingAi().Replace(LegalForm().Replace(name, ""), "");
        var slug = NonSlug().Replace(words.ToLowerInvariant(), "");
        return slug.Length > 0 ? slug : Unknown;
    }

    /// <summary>The organisations named in <paramref name="text"/>, with where each mention starts, in text order.</summary>
    public List<Mention> Mentions(ReadOnlySpan<char> text)
    {
        var mentions = new List<Mention>();
        foreach (var mention in Names(text))
        {
            if (!IsComparison(text, mention.Index))
            {
                mentions.Add(mention);
            }
        }

        return mentions;
    }

    /// <summary>Whether <paramref name="text"/> names any organisation, other than as a comparison.</summary>
    public bool NamesAny(ReadOnlySpan<char> text)
    {
        foreach (var mention in Names(text))
        {
            if (!IsComparison(text, mention.Index))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The organisation a heading of a few words names, when it names one only ("Claude", "Grok (xAI)"); null for a
    /// longer heading ("How Google Analytics uses cookies"), which names a topic rather than whose section it is.
    /// </summary>
    public string? HeadingOwner(ReadOnlySpan<char> heading)
    {
        if (heading.IsEmpty || WordCount.Of(heading) > HeadingOwnerWords)
        {
            return null;
        }

        string? owner = null;
        foreach (var mention in Mentions(heading))
        {
            if (owner is not null && owner != mention.Subject)
            {
                return null;
            }

            owner = mention.Subject;
        }

        return owner;
    }

    /// <summary>The organisation named last in <paramref name="text"/>, other than as a comparison; null when none.</summary>
    public string? Last(ReadOnlySpan<char> text)
    {
        string? last = null;
        foreach (var mention in Names(text))
        {
            if (!IsComparison(text, mention.Index))
            {
                last = mention.Subject;
            }
        }

        return last;
    }

    /// <summary>
    /// Every organisation named in <paramref name="text"/>, comparisons included, in text order. One scan finds
    /// them all: the catalog's names are one search, and the name found tells whose it is.
    /// </summary>
    private List<Mention> Names(ReadOnlySpan<char> text)
    {
        var names = new List<Mention>();
        if (catalog.Organisations.Count == 0)
        {
            // The pattern of no names matches nothing but empty strings at every word's edge.
            return names;
        }

        if (catalog.OrganisationScanner is { } scanner)
        {
            foreach (var (index, length, name) in scanner.Scan(text))
            {
                if (WrittenAsName(text.Slice(index, length)))
                {
                    names.Add(new Mention(catalog.OrganisationNameOrder[name].Subject, index, length));
                }
            }

            return names;
        }

        foreach (var match in catalog.OrganisationNames.EnumerateMatches(text))
        {
            if (WrittenAsName(text.Slice(match.Index, match.Length)) && SubjectOf(text.Slice(match.Index, match.Length)) is { } subject)
            {
                names.Add(new Mention(subject, match.Index, match.Length));
            }
        }

        return names;
    }

    // Names are found whatever their case ("Github", "DEEPSEEK"), but one written all in lower case is a word, not a
    // name: "the notion of", "move the cursor", "replicate the results", "meta tags". Names the catalog writes in lower
    // case only would be lost, and it lists none.
    private static bool WrittenAsName(ReadOnlySpan<char> found)
    {
        foreach (var c in found)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    // Null for a match that names no organisation: an empty one, when the catalog lists none.
    private string? SubjectOf(ReadOnlySpan<char> name)
    {
        if (catalog.OrganisationByName.TryGetValue(name, out var subject))
        {
            return subject;
        }

        // A name matched by the pattern's wider case folding only: its group says whose it is.
        var match = catalog.OrganisationNames.Match(name.ToString());
        for (var i = 0; i < catalog.Organisations.Count; i++)
        {
            if (match.Groups[i + 1].Success)
            {
                return catalog.Organisations[i].Subject;
            }
        }

        return null;
    }

    /// <summary>
    /// The organisation that acts in <paramref name="text"/>: a mention followed by its verb ("Cohere does not
    /// use"), else the mention nearest before <paramref name="anchor"/>, else the first one after it; null when none.
    /// </summary>
    public Mention? Pick(ReadOnlySpan<char> text, int anchor)
    {
        var mentions = Mentions(text);
        if (mentions.Count == 0)
        {
            return null;
        }

        foreach (var mention in mentions)
        {
            if (ActorVerb().IsMatch(text, mention.Index + mention.Length))
            {
                return mention;
            }
        }

        // Mentions are in text order: the last one at or before the anchor is the nearest before it.
        Mention? before = null;
        foreach (var mention in mentions)
        {
            if (mention.Index <= anchor)
            {
                before = mention;
            }
        }

        return before ?? mentions[0];
    }

    // "Unlike OpenAI, Anthropic ...", "more than Google" and "partners, such as LinkedIn and Google," name an
    // organisation the statement is not about, the last as one example of others.
    private static bool IsComparison(ReadOnlySpan<char> text, int index) =>
        ComparisonCue().IsMatch(text[Math.Max(0, index - 60)..index]);

    // The company a title names as its owner: "Acme AI Privacy Policy" is Acme AI's; null when it names none.
    private static string? TitleOwner(string? title) =>
        title is not null && TitleOwnerPattern().Match(title) is { Success: true } match ? match.Groups["owner"].Value : null;

    [GeneratedRegex(@"\b(?:unlike|than|like|versus|vs\.?|compared (?:to|with)|such as|including|e\.g\.,?)\s+(?:the\s+)?(?:[\w.&-]+(?:,\s*|\s+(?:and|or)\s+)){0,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex ComparisonCue();

    // A name followed by a verb is the one doing something: "Cohere does not use", "OpenAI keeps".
    [GeneratedRegex(@"\G(?:[’']s \w+)?\s+(?:does|do|doesn[’']t|don[’']t|did|will|won[’']t|would|may|might|can|cannot|can[’']t|uses?|used|trains?|keeps?|retains?|deletes?|says|said|asks|asked|lets|offers|stores|has|have|is|are|was|never|also|only|collects|shares|sells|encrypts|introduced|added|changed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ActorVerb();

    [GeneratedRegex(@"^\s*(?<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})(?:[’']s)?\s+(?i:privacy|terms|data|cookie|usage|acceptable|trust)\b")]
    private static partial Regex TitleOwnerPattern();

    // "Anysphere, Inc. (“Anysphere”, “we” or “us”)", "OpenRouter, Inc. (“we”", "Acme Labs Ltd. (the "Company", "we")",
    // "Acme, Inc. and its affiliates (“Acme”, “we”)".
    [GeneratedRegex(@"(?<owner>(?-i:[A-Z][\w.&-]*)(?:[ \t]+(?-i:[A-Z][\w.&-]*)){0,3}),?[ \t]+(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|GmbH|PBC|Co|S\.A|SAS|B\.V|AG|Pte\. Ltd|Incorporated|SE|PLC|N\.V|S\.p\.A|S\.r\.l|SARL|Oy|AB|LLP|Pty Ltd)\.?[\s,]*(?:(?:and|together with)[ \t]+its[ \t]+(?:affiliates|subsidiaries|affiliated companies)[\s,]*)?\((?<defs>[^)]{0,80}?)[“""'](?:\*\*)?(?:we|us|our)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Declaration();

    [GeneratedRegex(@"[“""'](?:\*\*)?(?<name>[^”""'*,.]{2,40})(?:\*\*)?[,.]?[”""']")]
    private static partial Regex DefinedName();

    [GeneratedRegex(@"[“""](?:\*\*)?(?!(?:we|us|our|you|your)[”""])(?<name>(?-i:[A-Z][\w.&-]*)(?:[ \t]+(?-i:[A-Z][\w.&-]*)){0,3})(?:\*\*)?[”""],?[ \t]+(?:or[ \t]+)?[“""](?:\*\*)?(?:we|us|our)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamedBesideWe();

    [GeneratedRegex(@"^(?:the )?(?:company|companies|service|services|platform|provider|group|affiliates?)$", RegexOptions.IgnoreCase)]
    private static partial Regex GenericName();

    [GeneratedRegex(@"\b(?:Inc|LLC|Ltd|Limited|Corp|Corporation|GmbH|PBC|Incorporated|Labs|Technologies|Technology|(?-i:SE|PLC|AB|Oy|LLP))\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex LegalForm();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonSlug();

    // "AI" closing a longer name is the industry, not the name: "Together AI", "Character.AI"; "AI21" keeps it.
    [GeneratedRegex(@"(?<=\w)[ .-](?-i:AI)\W*$")]
    private static partial Regex TrailingAi();
}

/// <summary>A mention of an organisation: its subject slug and where the name stands.</summary>
internal readonly record struct Mention(string Subject, int Index, int Length);

/// <summary>Whom a document is about: its subject, and its own name when the catalog does not know it.</summary>
internal readonly record struct DocumentOwner(string Subject, string? OwnName);
