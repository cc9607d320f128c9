using System.Text.RegularExpressions;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// What holds for every statement of one document, and the scratch space reused from one statement to the
/// next: the candidate topics, the claims found so far and the characters of a view with context.
/// </summary>
internal sealed class DocumentState
{
    // A statement pointing at a setting without naming it: which setting it is, the page says.
    private static readonly Regex PointsAtSetting = new(@"\b(?:this|that|the) (?:setting|toggle|option|switch)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private readonly IReadOnlyList<TopicRule> rules;

    // Per gated topic, whether the title speaks its vocabulary; per topic, whether the statement before may.
    private readonly bool[] titleGate;
    private readonly bool[] previousMayHold;
    private Statement? previous;

    private char[] scratch = new char[256];

    public DocumentState(DocumentOwner owner, string scope, IReadOnlyList<TopicRule> rules, string? title)
    {
        Subject = owner.Subject;
        OwnerName = owner.OwnName;
        Scope = scope;
        this.rules = rules;
        Candidates = new bool[rules.Count];
        titleGate = [.. rules.Select(r => title is not null && r.Gate is { } gate && gate.IsMatch(title))];
        previousMayHold = new bool[rules.Count];
    }

    public string Subject { get; }

    /// <summary>The document owner's own name when the catalog does not know it: it acts like "we".</summary>
    public string? OwnerName { get; }

    public string Scope { get; }

    /// <summary>The sentence before <paramref name="statement"/> in its block; empty when it opens the block.</summary>
    public ReadOnlySpan<char> PreviousInBlock(string documentText, Statement statement) =>
        previous is { } before && before.Block == statement.Block ? before.Span.Of(documentText) : [];

    /// <summary>Where vetoed matches are reported; null when nobody asks.</summary>
    public ICollection<VetoedMatch>? Vetoed { get; init; }

    /// <summary>Whether the document marks its headings (Markdown, HTML) rather than leaving them to be guessed.</summary>
    public bool HeadingsAreMarked { get; init; }

    /// <summary>Whether <see cref="Heading"/> is the document's first, which is its title.</summary>
    public bool UnderFirstHeading { get; private set; }

    /// <summary>The heading the statements read now stand under; null before the first.</summary>
    public TextSpan? Heading { get; private set; }

    /// <summary>The statements read from now on stand under <paramref name="heading"/>.</summary>
    public void EnterSection(TextSpan heading)
    {
        UnderFirstHeading = Heading is null;
        Heading = heading;
    }

    /// <summary>The words of the heading the statement stands under; empty before the first.</summary>
    public ReadOnlySpan<char> HeadingOf(string documentText) => Heading is { } h ? h.Of(documentText) : [];

    /// <summary>A short label opening the statement's block ("For business transfers: We may share ..."); empty when none.</summary>
    public static ReadOnlySpan<char> LabelOf(string documentText, Statement statement)
    {
        var block = documentText.AsSpan(statement.Block.Start, statement.Block.Length);
        var colon = block.IndexOf(':');
        return colon is > 0 and < 60 ? block[..colon] : [];
    }

    public bool[] Candidates { get; }

    /// <summary>
    /// Whether a gated topic's vocabulary is spoken just before the statement, in the sentence before it in
    /// its block ("Its opt-in system puts you in the driver's seat. You decide what happens with your
    /// conversations."), or, for a statement that points at "this setting", in the document's title ("You
    /// can disable this setting at any time" on a page titled "Privacy settings"). The statement still has
    /// to hold the topic's trigger itself.
    /// </summary>
    public bool GateOpenBefore(int rule, string documentText, Statement statement)
    {
        if (titleGate[rule] && PointsAtSetting.IsMatch(statement.Span.Of(documentText)))
        {
            return true;
        }

        return previous is { } before && before.Block == statement.Block && previousMayHold[rule]
            && rules[rule].Gate!.IsMatch(before.Span.Of(documentText));
    }

    /// <summary>
    /// Remembers <paramref name="statement"/> as the one before the next, with the topics it may speak of:
    /// <paramref name="candidates"/> as the prefilter marked them, or every topic when it was not looked at.
    /// </summary>
    public void Passed(Statement statement, bool[]? candidates)
    {
        previous = statement;
        if (candidates is null)
        {
            Array.Fill(previousMayHold, true);
        }
        else
        {
            candidates.CopyTo(previousMayHold, 0);
        }
    }

    public List<ExtractedClaim> Found { get; } = [];

    /// <summary>
    /// The view of a statement: the document's own characters when it has no context, else its context, a
    /// line break and the statement copied into the scratch buffer, which the next statement's view reuses.
    /// </summary>
    public StatementView ViewOf(string documentText, Statement statement)
    {
        if (statement.Context is not { } context)
        {
            return new StatementView(statement, documentText.AsMemory(statement.Span.Start, statement.Span.Length), 0);
        }

        var length = context.Length + 1 + statement.Span.Length;
        if (scratch.Length < length)
        {
            scratch = new char[Math.Max(length, scratch.Length * 2)];
        }

        context.Of(documentText).CopyTo(scratch);
        scratch[context.Length] = '\n';
        statement.Span.Of(documentText).CopyTo(scratch.AsSpan(context.Length + 1));
        return new StatementView(statement, scratch.AsMemory(0, length), context.Length + 1);
    }
}
