using System.Text.RegularExpressions;
using PolicyTracker.Core.Extraction.Relations;
using PolicyTracker.Core.Extraction.Values;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// Finds the claims a document makes, in stages: the <em>segment</em> stage cuts blocks into statements and sets
/// aside headings, questions and lead-ins (<see cref="StatementReader"/>, <see cref="StatementShape"/>); the
/// <em>context</em> stage keeps what a statement leans on — its lead-in, the sentence before it, its section
/// (<see cref="DocumentState"/>, <see cref="StatementView"/>); the <em>topic and value</em> stage tries the
/// catalog's topics whose keywords it holds (<see cref="TopicMatcher"/>); the <em>relation</em> stage reads who does
/// what to whose data and judges whether the match is the topic's claim, and how sure that is
/// (<see cref="Relations.RelationReader"/>, <see cref="Relations.ClaimJudge"/>); the <em>claim</em> stage, here, gives it
/// its subject, scopes, cues and a quote that is an exact slice of the document's text.
/// </summary>
public sealed partial class ClaimExtractor
{
    // Enough to take a stance read from a lead-in (0.75) under the default threshold of 0.6: a lead-in's case is a suggestion.
    private const double CaseOfLeadInDoubt = 0.2;

    // Statements longer than this are often run-on chains of clauses; their quote keeps only the clauses that
    // hold the evidence, so the quote reads as the claim and not as the whole paragraph.
    private const int LongStatement = 160;

    private static readonly Regex ClauseSeparator = new(@"(?:[,;:]|\s[—–-])\s", RegexOptions.Compiled);

    private readonly SubjectResolver subjects;
    private readonly ScopeResolver scopes;
    private readonly TopicMatcher topics;

    private readonly bool usePrefilter;

    // The extractor over the interpreted catalog, made the first time a document needs it.
    private ClaimExtractor? interpreted;

    /// <summary>Creates an extractor for the given catalog.</summary>
    public ClaimExtractor(TopicCatalog catalog)
        : this(catalog, usePrefilter: true)
    {
    }

    /// <summary>Creates an extractor; without the prefilter every topic is tried on every statement (for tests).</summary>
    internal ClaimExtractor(TopicCatalog catalog, bool usePrefilter)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        this.usePrefilter = usePrefilter;
        Catalog = catalog;
        subjects = new SubjectResolver(catalog);
        scopes = new ScopeResolver(catalog);
        topics = new TopicMatcher(catalog);
    }

    /// <summary>The catalog this extractor applies.</summary>
    public TopicCatalog Catalog { get; }

    /// <summary>Every claim in <paramref name="document"/>, in document order.</summary>
    public IReadOnlyList<ExtractedClaim> Extract(ExtractedDocument document) => Extract(document, vetoed: null);

    /// <summary>
    /// Every claim in <paramref name="document"/>; each topic match that its relation ruled out is added to
    /// <paramref name="vetoed"/> with the reason, so an evaluation can show what was passed over and why.
    /// </summary>
    public IReadOnlyList<ExtractedClaim> Extract(ExtractedDocument document, ICollection<VetoedMatch>? vetoed)
    {
        ArgumentNullException.ThrowIfNull(document);
        var passedOver = vetoed is null ? null : new List<VetoedMatch>();
        IReadOnlyList<ExtractedClaim> claims;
        try
        {
            claims = ExtractAll(document, passedOver);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or RegexMatchTimeoutException && Catalog.Interpreted is { } reference)
        {
            // The compiled pattern engine failed inside a match, or looped until the pattern's timeout (see
            // TopicCatalog.Interpreted): read the whole document again with the interpreter, so it gets its claims
            // rather than an error. A fault of this code would fail the second reading too, and is not hidden.
            passedOver?.Clear();
            claims = (interpreted ??= new ClaimExtractor(reference, usePrefilter)).ExtractAll(document, passedOver);
        }

        foreach (var match in passedOver ?? [])
        {
            vetoed!.Add(match);
        }

        return claims;
    }

    private List<ExtractedClaim> ExtractAll(ExtractedDocument document, ICollection<VetoedMatch>? vetoed)
    {
        var owner = subjects.MainSubject(document.Text, document.Title);

        // A page titled "Enterprise privacy" speaks of business plans wherever it names none.
        var documentScope = document.Title is { } title && scopes.Find(title) is [var named, ..] ? named.Scope : Catalog.DefaultScope;
        var state = new DocumentState(owner, documentScope, Catalog.Rules, document.Title)
        {
            Vetoed = vetoed,
            HeadingsAreMarked = document.Format != SourceFormat.Text,
        };
        var claims = new List<ExtractedClaim>();
        foreach (var statement in StatementReader.Read(document))
        {
            ExtractFrom(document.Text, statement, state, claims);
        }

        DocumentConsistency.Settle(claims);
        return claims;
    }

    private void ExtractFrom(string text, Statement statement, DocumentState state, List<ExtractedClaim> claims)
    {
        var own = statement.Span.Of(text);
        if (StatementShape.IsHeading(statement, own))
        {
            // A heading names the section its statements stand in; it states nothing itself.
            state.EnterSection(statement.Span);
            state.Passed(statement, null);
            return;
        }

        if (StatementShape.IsQuestion(own) || StatementShape.IsLeadIn(own) || StatementShape.IsHeaderRow(statement)
            || StatementShape.IsRunInLabel(statement, own) || StatementShape.IsGlossaryRow(text, statement))
        {
            // A question marked as a heading ("What about Temporary Chats?") heads its answers' section all the same.
            if (statement.Kind == BlockKind.Heading)
            {
                state.EnterSection(statement.Span);
            }

            state.Passed(statement, null);
            return;
        }

        // Two columns of one row may say the same thing; the row makes that claim once.
        var found = state.Found;
        found.Clear();
        if (statement.Kind == BlockKind.TableRow && StatementView.TableColumns(text, statement) is { Count: > 0 } columns)
        {
            foreach (var column in columns)
            {
                AddClaims(text, column, state, found);
            }
        }
        else
        {
            AddClaims(text, state.ViewOf(text, statement), state, found);
        }

        state.Passed(statement, usePrefilter && statement.Kind != BlockKind.TableRow ? state.Candidates : null);

        // Checked last, as they are needed only for the few statements that make a claim.
        if (found.Count > 0 && !IsAboutUnnamedActors(own) && !TopicMatcher.AnyMatch(Catalog.NotStatements, own))
        {
            claims.AddRange(found);
        }
    }

    /// <summary>Adds to <paramref name="found"/> the claims <paramref name="view"/> makes that it does not hold yet.</summary>
    private void AddClaims(string text, StatementView view, DocumentState state, List<ExtractedClaim> found)
    {
        var statement = view.Statement;
        var candidates = state.Candidates;
        if (usePrefilter)
        {
            Catalog.Prefilter.Mark(view.Text, candidates);

            if (view.HeaderRow is { } header)
            {
                Catalog.Prefilter.MarkAlso(header.Of(text), candidates);
            }
        }
        else
        {
            Array.Fill(candidates, true);
        }

        List<string>? named = null;
        TextSpan? scopeEvidence = null;
        for (var i = 0; i < Catalog.Rules.Count; i++)
        {
            var rule = Catalog.Rules[i];

            // A gated topic's vocabulary may stand outside the statement (see GateOpen), where the prefilter does
            // not look: such a statement is a candidate all the same.
            if (!(candidates[i] || (rule.Gate is not null && state.GateOpenBefore(i, text, statement)))
                || topics.Match(text, rule, view, i, state) is not { } finding)
            {
                continue;
            }

            var judgement = Judge(text, rule, view, finding, state, out var relation);
            if (judgement.IsVetoed)
            {
                state.Vetoed?.Add(new VetoedMatch(rule.Definition.Key, finding.Value, statement.Span.Slice(text), judgement.Veto!));
                continue;
            }

            var subject = ResolveSubject(text, view, finding.Trigger, state, relation, out var subjectEvidence);

            // The plans a statement names are the same whichever topic it speaks of: looked up once.
            named ??= ResolveScopes(text, view, state, out scopeEvidence);
            var quote = statement.Span;
            if (statement.Kind != BlockKind.TableRow)
            {
                var evidence = new List<TextSpan>(4);
                AddIfOwn(evidence, view, finding.Trigger);
                AddIfOwn(evidence, view, finding.ValueSpan);
                AddIfOwn(evidence, view, subjectEvidence);
                AddIfOwn(evidence, view, scopeEvidence);
                var sentence = statement.Span;
                if (StatementShape.AfterTopicLabel(sentence.Of(text)) is > 0 and var labelled)
                {
                    sentence = new TextSpan(sentence.Start + labelled, sentence.End);
                }

                quote = statement.IsFragment && statement.Context is { } before
                    ? new TextSpan(before.Start, QuoteSpan(text, sentence, evidence).End)
                    : QuoteSpan(text, sentence, evidence);
            }

            string? quoteText = null;
            IReadOnlyList<Cue>? cues = null;
            // An item under a lead-in that states the stance ("We do not train on:") is one case of it, an exception
            // to what the policy says in general, unless the item names a plan of its own ("accounts for work").
            if (IsCaseOfLeadIn(rule, view, finding, scopeEvidence))
            {
                judgement = judgement with
                {
                    Confidence = Math.Round(judgement.Confidence - CaseOfLeadInDoubt, 2),
                    Doubts = [.. judgement.Doubts, "one case listed under its lead-in"],
                };
            }

            // Nobody knows whom a claim with no subject is about; it still says what it says.
            var confidence = subject == SubjectResolver.Unknown ? Math.Round(judgement.Confidence - 0.1, 2) : judgement.Confidence;
            foreach (var scope in named.Count > 0 ? named : [state.Scope])
            {
                if (!Holds(found, subject, rule.Definition.Key, scope, finding.Value))
                {
                    quoteText ??= quote.Slice(text);
                    cues ??= Cues(text, view, finding, relation, judgement, state, subjectEvidence, scopeEvidence);
                    found.Add(new ExtractedClaim(subject, rule.Definition.Key, scope, finding.Value, quoteText, quote)
                    {
                        Confidence = confidence,
                        Cues = cues,
                    });
                }
            }
        }
    }

    private static bool IsCaseOfLeadIn(TopicRule rule, StatementView view, Finding finding, TextSpan? scopeEvidence) =>
        rule.Definition.ValueKind is ValueKind.Stance && view.Statement.Kind == BlockKind.ListItem
        && !view.IsOwn(finding.Trigger) && scopeEvidence is null;

    /// <summary>Reads who does what to whose data around the trigger, and judges whether that makes the topic's claim.</summary>
    private Judgement Judge(string text, TopicRule rule, StatementView view, Finding finding, DocumentState state, out Relation relation)
    {
        var organisations = new List<TextSpan>();
        foreach (var mention in subjects.Mentions(view.Own))
        {
            organisations.Add(new TextSpan(view.OwnStart + mention.Index, view.OwnStart + mention.Index + mention.Length));
        }

        if (state.OwnerName is { } ownName)
        {
            SubjectResolver.AddNameSpans(view.Own, view.OwnStart, ownName, organisations);
            organisations.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        relation = RelationReader.Read(
            Catalog.Relations, view.Text, view.OwnStart, finding.Trigger, organisations, underLeadIn: view.Statement.Kind == BlockKind.ListItem);

        // "Residents under 18 have a right to remove what they posted. To request that we remove it, ...": a paragraph
        // that opens on a special case speaks of it throughout. The narrowing stands before the statement, so its
        // place is marked as the statement's start.
        if (relation.Narrowing is null && OpensOnSpecialCase(text, view.Statement))
        {
            relation = relation with { Narrowing = new TextSpan(view.OwnStart, view.OwnStart) };
        }

        var isStance = rule.Definition.ValueKind is ValueKind.Stance;
        return ClaimJudge.Judge(
            rule.Relation,
            relation,
            new JudgedText(
                view.Own,
                view.HeaderRow is { } header ? header.Of(text) : view.Context,
                state.HeadingOf(text),
                DocumentState.LabelOf(text, view.Statement),
                state.PreviousInBlock(text, view.Statement)),
            new JudgedValue(finding.Value, isStance, Stated: finding.ValueSpan is not null),
            view.IsOwn(finding.Trigger));
    }

    /// <summary>Whether the first sentence of the statement's paragraph, when it stands before the statement, narrows to a special case.</summary>
    private bool OpensOnSpecialCase(string text, Statement statement)
    {
        var block = statement.Block;
        if (statement.Kind != BlockKind.Paragraph || statement.Span.Start <= block.Start)
        {
            return false;
        }

        var before = text.AsSpan(block.Start, statement.Span.Start - block.Start);
        var firstEnd = before.IndexOf(". ", StringComparison.Ordinal);
        return Catalog.Relations.Narrowing.IsMatch(firstEnd < 0 ? before : before[..firstEnd]);
    }

    /// <summary>What made the claim, for editors: each cue with its words and, where they stand in the document, its span.</summary>
    private List<Cue> Cues(
        string text, StatementView view, Finding finding, Relation relation, Judgement judgement, DocumentState state,
        TextSpan? subjectEvidence, TextSpan? scopeEvidence)
    {
        var cues = new List<Cue>(8);
        void Add(string kind, TextSpan? span)
        {
            if (span is { } s && s.End <= view.Text.Length)
            {
                var words = view.Text[s.Start..s.End].ToString();
                cues.Add(new Cue(kind, words, view.IsOwn(s) && !view.IsSynthetic ? view.ToDocument(s) : null));
            }
        }

        if (relation.ActorSpan is null)
        {
            cues.Add(new Cue(CueKind.Actor, ClaimJudge.Describe(relation.Actor)));
        }

        Add(CueKind.Actor, relation.ActorSpan);
        Add(CueKind.Action, finding.Trigger);
        Add(CueKind.DataObject, relation.DataObject);
        if (topics.Negation(view, finding.Trigger) is { } negation)
        {
            Add(CueKind.Negation, negation);
        }

        Add(CueKind.Condition, relation.Condition);
        Add(CueKind.Value, finding.ValueSpan);
        // Both are spans of the view, like the relation's.
        Add(CueKind.Subject, subjectEvidence);
        Add(CueKind.Scope, scopeEvidence);

        if (state.Heading is { } heading)
        {
            cues.Add(new Cue(CueKind.Heading, heading.Slice(text), heading));
        }

        foreach (var doubt in judgement.Doubts)
        {
            cues.Add(new Cue(CueKind.Doubt, doubt));
        }

        return cues;
    }

    private static bool Holds(List<ExtractedClaim> found, string subject, string topic, string scope, string value)
    {
        foreach (var f in found)
        {
            if (f.Subject == subject && f.Topic == topic && f.Scope == scope && f.Value == value)
            {
                return true;
            }
        }

        return false;
    }

    private string ResolveSubject(string text, StatementView view, TextSpan trigger, DocumentState state, Relation relation, out TextSpan? evidence)
    {
        evidence = null;
        var mainSubject = state.Subject;
        if (subjects.Pick(view.Own, Math.Max(0, trigger.Start - view.OwnStart)) is { } named)
        {
            evidence = new TextSpan(view.OwnStart + named.Index, view.OwnStart + named.Index + named.Length);
            return named.Subject;
        }

        // "We" in a provider's document is the provider, whichever service its paragraph named before.
        if (relation.Actor == ActorKind.Provider)
        {
            return mainSubject;
        }

        // "It", "the company": the organisation named last before the statement in its paragraph or list item.
        var blockStart = view.Statement.Block.Start;
        if (subjects.Last(text.AsSpan(blockStart, view.Statement.Span.Start - blockStart)) is { } previous)
        {
            return previous;
        }

        if (view.OwnStart > 0 && subjects.Pick(view.Context, view.OwnStart) is { } fromContext)
        {
            return fromContext.Subject;
        }

        // A section headed by a product's or company's name alone ("Claude", "Meta AI") in an article comparing them.
        return subjects.HeadingOwner(state.HeadingOf(text)) ?? mainSubject;
    }

    /// <summary>
    /// The plans the statement names; failing that, those its list item's earlier sentences name, then its
    /// context. Empty when none is named: the document's scope applies.
    /// </summary>
    private List<string> ResolveScopes(string text, StatementView view, DocumentState state, out TextSpan? evidence)
    {
        evidence = null;
        var own = scopes.Find(view.Own);
        if (own.Count > 0)
        {
            evidence = new TextSpan(view.OwnStart + own[0].Index, view.OwnStart + own[^1].Index + own[^1].Length);
            return [.. own.Select(s => s.Scope)];
        }

        var earlier = scopes.Find(view.EarlierInBlock(text));
        if (earlier.Count > 0)
        {
            return [.. earlier.Select(s => s.Scope)];
        }

        if (view.OwnStart > 0 && scopes.Find(view.Context) is { Count: > 0 } inContext)
        {
            return [.. inContext.Select(s => s.Scope)];
        }

        // A section headed "API Platform" or "For Enterprise customers" speaks of that plan wherever it names none.
        // A plain-text heading is only a guess from a short line, too weak to set a scope.
        // The first heading is the document's title, whose plan is already the document's scope.
        return state.Heading is { } heading && state.HeadingsAreMarked && !state.UnderFirstHeading
            ? [.. scopes.Find(heading.Of(text)).Select(s => s.Scope)]
            : [];
    }

    private static void AddIfOwn(List<TextSpan> evidence, StatementView view, TextSpan? span)
    {
        if (span is { } s && view.IsOwn(s))
        {
            evidence.Add(view.ToDocument(s));
        }
    }

    /// <summary>
    /// The quote: the whole statement, or for a long one the run of clauses from the first to the last piece of
    /// evidence. A final full stop is left out, so the quote reads as the statement itself.
    /// </summary>
    private static TextSpan QuoteSpan(string text, TextSpan statement, List<TextSpan> evidence)
    {
        var start = statement.Start;
        var end = statement.End;
        if (statement.Length > LongStatement && evidence.Count > 0)
        {
            var first = evidence.Min(e => e.Start);
            var last = evidence.Max(e => e.End);
            foreach (var separator in ClauseSeparator.EnumerateMatches(statement.Of(text)))
            {
                var at = statement.Start + separator.Index;
                if (at + separator.Length <= first)
                {
                    start = at + separator.Length;
                }
                else if (at >= last && end == statement.End)
                {
                    end = at;
                }
            }
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || (text[end - 1] == '.' && end - 1 > start && text[end - 2] != '.')))
        {
            end--;
        }

        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return new TextSpan(start, end);
    }

    // "These providers" in an article are companies in general; "we require these providers not to ...", "these
    // providers are contractually prohibited from ..." and "we do not license your content to other companies" in a
    // policy are the provider's own vendors, bound by it, or its own act towards them.
    private bool IsAboutUnnamedActors(ReadOnlySpan<char> statement) =>
        TopicMatcher.AnyMatch(Catalog.GenericActors, statement) && !subjects.NamesAny(statement) && !ProviderBindsThem().IsMatch(statement);

    [GeneratedRegex(@"\bwe (?:\w+ ){0,3}(?:require|permit|allow|prohibit|oblige|instruct|contractually|licen[cs]e|share|sell|disclose|transfer|provide)\w*\b|\b(?:are|is) contractually (?:prohibited|forbidden|barred|required|obligated|bound)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProviderBindsThem();

}
