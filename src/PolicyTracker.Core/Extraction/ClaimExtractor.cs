using System.Text.RegularExpressions;
using PolicyTracker.Core.Extraction.Relations;
using PolicyTracker.Core.Extraction.Values;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// Finds the claims a document makes. Each statement (sentence, list item or table row) is tested against the
/// catalog's topics whose keywords it holds; a topic that matches and yields a concrete value becomes a claim,
/// with the subject and scope the statement names and a quote that is an exact slice of the document's text.
/// </summary>
public sealed class ClaimExtractor
{
    // Statements longer than this are often run-on chains of clauses; their quote keeps only the clauses that
    // hold the evidence, so the quote reads as the claim and not as the whole paragraph.
    private const int LongStatement = 160;

    // How far before a trigger word a negation may stand; clause boundaries usually stop it sooner.
    private const int NegationReach = 150;

    private static readonly Regex ClauseSeparator = new(@"(?:[,;:]|\s[—–-])\s", RegexOptions.Compiled);

    // Where a negation stops reaching forward: the end of a sentence part, or a turn of the argument.
    private static readonly Regex ClauseBoundary = new(@"[;.!?]\s|\b(?:but|however|although|though|whereas|yet|while)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // A cell that answers its row's question in the negative.
    private static readonly Regex NegativeAnswer = new(@"^\s*(?:no|never|not|none|✖|✗|❌)(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // A lead-in that states the reader's goal introduces steps, not statements.
    private static readonly Regex Goal = new(@"^\s*(?:to|in order to)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // A clause that states a condition ("if you don’t opt out") does not negate what follows it.
    private static readonly Regex Condition = new(@"^\s*(?:if|when|unless|once|even if|after|where|until)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // A statement pointing at a setting without naming it: which setting it is, the page says.
    private static readonly Regex PointsAtSetting = new(@"\b(?:this|that|the) (?:setting|toggle|option|switch)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private static readonly char[] ClauseBreaks = [',', ':', '(', '—'];

    private static readonly char[] SentenceBreaks = [',', ';', '.', '!', '?'];

    private readonly SubjectResolver subjects;
    private readonly ScopeResolver scopes;

    private readonly bool usePrefilter;

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
        var mainSubject = subjects.MainSubject(document.Text, document.Title);

        // A page titled "Enterprise privacy" speaks of business plans wherever it names none.
        var documentScope = document.Title is { } title && scopes.Find(title) is [var named, ..] ? named.Scope : Catalog.DefaultScope;
        var state = new DocumentState(mainSubject, documentScope, Catalog.Rules, document.Title)
        {
            Vetoed = vetoed,
            HeadingsAreMarked = document.Format != SourceFormat.Text,
        };
        var claims = new List<ExtractedClaim>();
        foreach (var statement in StatementReader.Read(document))
        {
            ExtractFrom(document.Text, statement, state, claims);
        }

        return claims;
    }

    private void ExtractFrom(string text, Statement statement, DocumentState state, List<ExtractedClaim> claims)
    {
        var own = statement.Span.Of(text);
        if (IsHeading(statement, own))
        {
            // A heading names the section its statements stand in; it states nothing itself.
            state.UnderFirstHeading = state.Heading is null;
            state.Heading = statement.Span;
            state.Passed(statement, null);
            return;
        }

        if (IsQuestion(own) || IsLeadIn(own) || IsHeaderRow(statement))
        {
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
        if (found.Count > 0 && !IsAboutUnnamedActors(own) && !AnyMatch(Catalog.NotStatements, own))
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
                || Evaluate(text, rule, view, i, state) is not { } finding)
            {
                continue;
            }

            var judgement = Judge(text, rule, view, finding, state, out var relation);
            if (judgement.IsVetoed)
            {
                state.Vetoed?.Add(new VetoedMatch(rule.Definition.Key, finding.Value, statement.Span.Slice(text), judgement.Veto!));
                continue;
            }

            var subject = ResolveSubject(text, view, finding.Trigger, state.Subject, relation, out var subjectEvidence);

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
                quote = statement.IsFragment && statement.Context is { } before
                    ? new TextSpan(before.Start, QuoteSpan(text, statement.Span, evidence).End)
                    : QuoteSpan(text, statement.Span, evidence);
            }

            string? quoteText = null;
            IReadOnlyList<Cue>? cues = null;
            var confidence = subject == SubjectResolver.Unknown ? Math.Max(0.05, judgement.Confidence - 0.3) : judgement.Confidence;
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

    /// <summary>Reads who does what to whose data around the trigger, and judges whether that makes the topic's claim.</summary>
    private Judgement Judge(string text, TopicRule rule, StatementView view, Finding finding, DocumentState state, out Relation relation)
    {
        var organisations = new List<TextSpan>();
        foreach (var mention in subjects.Mentions(view.Own))
        {
            organisations.Add(new TextSpan(view.OwnStart + mention.Index, view.OwnStart + mention.Index + mention.Length));
        }

        relation = RelationReader.Read(Catalog.Relations, view.Text, view.OwnStart, finding.Trigger, organisations);
        var isStance = rule.Definition.ValueKind is ValueKind.Stance;
        return ClaimJudge.Judge(
            rule.Relation,
            relation,
            new JudgedText(view.Own, view.Context, state.SectionOf(text, view.Statement), state.PreviousInBlock(text, view.Statement)),
            new JudgedValue(finding.Value, isStance, Stated: finding.ValueSpan is not null),
            view.IsOwn(finding.Trigger));
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
        if (NegationBefore(view, finding.Trigger) is { } negation)
        {
            Add(CueKind.Negation, negation);
        }

        Add(CueKind.Condition, relation.Condition);
        Add(CueKind.Value, finding.ValueSpan);
        if (subjectEvidence is { } subject)
        {
            cues.Add(new Cue(CueKind.Subject, subject.Slice(text), subject));
        }

        if (scopeEvidence is { } scope)
        {
            cues.Add(new Cue(CueKind.Scope, scope.Slice(text), scope));
        }

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

    private TextSpan? NegationBefore(StatementView view, TextSpan trigger)
    {
        if (!view.IsOwn(trigger))
        {
            return null;
        }

        TextSpan? last = null;
        var from = Math.Max(view.OwnStart, trigger.Start - NegationReach);
        foreach (var match in Catalog.Negation.EnumerateMatches(view.Text[from..trigger.Start]))
        {
            last = new TextSpan(from + match.Index, from + match.Index + match.Length);
        }

        return last;
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

    private Finding? Evaluate(string documentText, TopicRule rule, StatementView view, int ruleIndex, DocumentState state)
    {
        // The trigger and the exclusions are judged on the statement itself: its context may complete its
        // meaning, but never decides what the statement is about. The gate and the trigger go first because
        // they are rarely met: most statements are about none of the topics.
        var text = view.Text;
        var gateInView = rule.Gate is not { } gate || gate.IsMatch(text);
        if (!gateInView && !state.GateOpenBefore(ruleIndex, documentText, view.Statement))
        {
            return null;
        }

        // Failing the statement, the trigger may stand in its context: "We do not." after a sentence about
        // training, an item under "We do not train on:", or a cell under a header that names the topic. A
        // statement whose topic is only spoken before it must hold the trigger itself.
        if (!FirstMatch(rule.Match[0], text, view.OwnStart, out var trigger)
            && !(gateInView && MayTakeTriggerFromContext(view) && FirstMatch(rule.Match[0], view.Context, 0, out trigger)))
        {
            return null;
        }

        foreach (var exclude in rule.Exclude)
        {
            if (exclude.IsMatch(text, view.OwnStart))
            {
                return null;
            }
        }

        var searchFrom = rule.UsesContext ? 0 : view.OwnStart;
        for (var i = 1; i < rule.Match.Count; i++)
        {
            if (!rule.Match[i].IsMatch(text, searchFrom))
            {
                return null;
            }
        }

        var negated = IsNegated(view, trigger);
        var value = rule.Definition.ValueKind switch
        {
            ValueKind.Duration => Nearest(view, trigger, t => DurationParser.FindAll(t).Select(d => (d.Iso, d.Span)))
                ?? ByRules(rule, view, negated),
            ValueKind.Date => Nearest(view, trigger, t => DateParser.FindAll(t).Select(d => (d.Value, d.Span))),
            _ => ByRules(rule, view, negated),
        };

        return value is { } found ? new Finding(found.Value, trigger, found.Span) : null;
    }

    /// <summary>The first match of <paramref name="pattern"/> in <paramref name="text"/> at or after <paramref name="startAt"/>.</summary>
    private static bool FirstMatch(Regex pattern, ReadOnlySpan<char> text, int startAt, out TextSpan span)
    {
        foreach (var match in pattern.EnumerateMatches(text, startAt))
        {
            span = new TextSpan(match.Index, match.Index + match.Length);
            return true;
        }

        span = default;
        return false;
    }

    private static bool AnyMatch(IReadOnlyList<Regex> patterns, ReadOnlySpan<char> text)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    // A list item enumerating what a negated lead-in excludes ("We never sell:") states that exclusion itself;
    // an item under any other lead-in ("The setting decides whether we can use your chats to:"), or under a
    // goal ("To make sure your data is not used for training:"), does not.
    private bool MayTakeTriggerFromContext(StatementView view) =>
        view.OwnStart > 0
        && (view.Statement.Kind != BlockKind.ListItem
            || (Catalog.Negation.IsMatch(view.Context) && !Goal.IsMatch(view.Text)));

    private static (string Value, TextSpan? Span)? ByRules(TopicRule rule, StatementView view, bool negated)
    {
        var text = view.Text;
        foreach (var valueRule in rule.Values)
        {
            if ((valueRule.Negated is { } wanted && wanted != negated) || AnyMatch(valueRule.Unless, text))
            {
                continue;
            }

            if (valueRule.Patterns.Count == 0)
            {
                return (valueRule.Value, null);
            }

            foreach (var pattern in valueRule.Patterns)
            {
                if (FirstMatch(pattern, text, view.OwnStart, out var match) || FirstMatch(pattern, view.Context, 0, out match))
                {
                    return (valueRule.Value, match);
                }
            }
        }

        return null;
    }

    /// <summary>The value found in the statement nearest its trigger: "kept for 30 days, or 2 years if flagged".</summary>
    private static (string Value, TextSpan? Span)? Nearest(
        StatementView view, TextSpan trigger, Func<string, IEnumerable<(string Value, TextSpan Span)>> find)
    {
        (string Value, TextSpan Span)? nearest = null;
        var best = int.MaxValue;
        foreach (var (value, span) in find(view.Own.ToString()))
        {
            var inView = new TextSpan(span.Start + view.OwnStart, span.End + view.OwnStart);
            var distance = Distance(inView, trigger);
            if (distance < best)
            {
                (nearest, best) = ((value, inView), distance);
            }
        }

        return nearest is { } found ? (found.Value, found.Span) : null;
    }

    private static int Distance(TextSpan a, TextSpan b) =>
        a.Overlaps(b) ? 0 : a.Start >= b.End ? a.Start - b.End : b.Start - a.End;

    /// <summary>
    /// A trigger is negated when a negation stands before it in the same clause of the statement ("we do not
    /// sell"), commas and asides included ("By default, we do not use business data, including inputs, for
    /// training"), but not in a condition ("If you don’t opt out, ...") nor before a "but". A list item that
    /// does not speak for itself is negated when its lead-in ends negated ("Your data won’t be:").
    /// </summary>
    private bool IsNegated(StatementView view, TextSpan trigger)
    {
        var text = view.Text;
        if (!view.IsOwn(trigger))
        {
            var before = text[Math.Max(0, trigger.Start - NegationReach)..trigger.Start];
            return Catalog.Negation.IsMatch(text, view.OwnStart) || Catalog.Negation.IsMatch(before);
        }

        // A table cell answering the row's question: "Used for training | No".
        if (view.Statement.Kind == BlockKind.TableRow && text.LastIndexOf(" | ", StringComparison.Ordinal) is var cell and >= 0
            && cell >= trigger.End)
        {
            return NegativeAnswer.IsMatch(text[(cell + 3)..]);
        }

        var window = text[Math.Max(trigger.Start - NegationReach, view.OwnStart)..trigger.End];
        var sentenceStart = 0;
        foreach (var boundary in ClauseBoundary.EnumerateMatches(window))
        {
            sentenceStart = boundary.Index + boundary.Length;
        }

        // Each clause of the sentence so far, as split at ',', ':', '(' and '—'.
        var rest = window[sentenceStart..];
        while (true)
        {
            var end = rest.IndexOfAny(ClauseBreaks);
            var clause = end < 0 ? rest : rest[..end];
            if (!Condition.IsMatch(clause) && Catalog.Negation.IsMatch(clause))
            {
                return true;
            }

            if (end < 0)
            {
                break;
            }

            rest = rest[(end + 1)..];
        }

        if (view.Statement.Kind is BlockKind.ListItem or BlockKind.TableRow && view.OwnStart > 0)
        {
            var leadIn = text[..(view.OwnStart - 1)].TrimEnd();
            var lastClause = leadIn[(leadIn.LastIndexOfAny(SentenceBreaks) + 1)..];
            return leadIn.EndsWith(':') && Catalog.Negation.IsMatch(lastClause);
        }

        return false;
    }

    private string ResolveSubject(string text, StatementView view, TextSpan trigger, string mainSubject, Relation relation, out TextSpan? evidence)
    {
        evidence = null;
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

        return mainSubject;
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

    private static bool IsQuestion(ReadOnlySpan<char> statement) => statement.TrimEnd().EndsWith('?');

    /// <summary>
    /// A heading, or a paragraph that reads as one ("SELLING INFORMATION", "Deletion Request Rights"): short, with
    /// no sentence end and no "label: value" colon, all in capitals or every longer word capitalised.
    /// </summary>
    private static bool IsHeading(Statement statement, ReadOnlySpan<char> own)
    {
        var trimmed = own.Trim();
        if (trimmed.Length == 0 || trimmed.Contains(':') || trimmed[^1] is '.' or '!' or '?' or ':' or ';')
        {
            return false;
        }

        if (statement.Kind == BlockKind.Heading)
        {
            return true;
        }

        if (statement.Kind is BlockKind.TableRow or BlockKind.ListItem || trimmed.Length > 80)
        {
            return false;
        }

        var words = 0;
        var capitalised = 0;
        var hasLower = false;
        foreach (var range in trimmed.Split(' '))
        {
            var word = trimmed[range].Trim("\"“”()*_");
            if (word.Length == 0)
            {
                continue;
            }

            words++;
            hasLower |= word.ContainsAnyInRange('a', 'z');
            if (word.Length <= 3 || char.IsUpper(word[0]))
            {
                capitalised++;
            }
        }

        return words is > 0 and <= 10 && (!hasLower || capitalised == words);
    }

    // A table's header row names the questions; its data rows answer them.
    private static bool IsHeaderRow(Statement statement) => statement.Kind == BlockKind.TableRow && statement.Context is null;

    // "We do not train our models on:" introduces the statements; its items make the claims.
    private static bool IsLeadIn(ReadOnlySpan<char> statement) => statement.TrimEnd().EndsWith(':');

    private bool IsAboutUnnamedActors(ReadOnlySpan<char> statement) =>
        AnyMatch(Catalog.GenericActors, statement) && !subjects.NamesAny(statement);

    private readonly record struct Finding(string Value, TextSpan Trigger, TextSpan? ValueSpan);

    /// <summary>
    /// What holds for every statement of one document, and the scratch space reused from one statement to the
    /// next: the candidate topics, the claims found so far and the characters of a view with context.
    /// </summary>
    private sealed class DocumentState
    {
        private readonly IReadOnlyList<TopicRule> rules;

        // Per gated topic, whether the title speaks its vocabulary; per topic, whether the statement before may.
        private readonly bool[] titleGate;
        private readonly bool[] previousMayHold;
        private Statement? previous;

        private char[] scratch = new char[256];

        public DocumentState(string subject, string scope, IReadOnlyList<TopicRule> rules, string? title)
        {
            Subject = subject;
            Scope = scope;
            this.rules = rules;
            Candidates = new bool[rules.Count];
            titleGate = [.. rules.Select(r => title is not null && r.Gate is { } gate && gate.IsMatch(title))];
            previousMayHold = new bool[rules.Count];
        }

        public string Subject { get; }

        public string Scope { get; }

        /// <summary>The sentence before <paramref name="statement"/> in its block; empty when it opens the block.</summary>
        public ReadOnlySpan<char> PreviousInBlock(string documentText, Statement statement) =>
            previous is { } before && before.Block == statement.Block ? before.Span.Of(documentText) : [];

        /// <summary>Where vetoed matches are reported; null when nobody asks.</summary>
        public ICollection<VetoedMatch>? Vetoed { get; init; }

        /// <summary>Whether the document marks its headings (Markdown, HTML) rather than leaving them to be guessed.</summary>
        public bool HeadingsAreMarked { get; init; }

        /// <summary>Whether <see cref="Heading"/> is the document's first, which is its title.</summary>
        public bool UnderFirstHeading { get; set; }

        /// <summary>The heading the statements read now stand under; null before the first.</summary>
        public TextSpan? Heading { get; set; }

        /// <summary>
        /// The section a statement stands in, as words: its heading, and a short label opening its block
        /// ("For business transfers: We may share ...").
        /// </summary>
        public string SectionOf(string documentText, Statement statement)
        {
            var heading = Heading is { } h ? h.Slice(documentText) : "";
            var block = documentText.AsSpan(statement.Block.Start, statement.Block.Length);
            var colon = block.IndexOf(':');
            return colon is > 0 and < 60 ? $"{heading}\n{block[..colon]}" : heading;
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

    /// <summary>
    /// The text a statement is judged on: its context, a line break, then the statement itself. Offsets into
    /// <see cref="Text"/> at or after <see cref="OwnStart"/> belong to the statement. The characters are the
    /// document's own or a scratch copy, never a string made per statement.
    /// </summary>
    /// <param name="Statement">The statement viewed.</param>
    /// <param name="Characters">Its context, a line break and its own characters.</param>
    /// <param name="OwnStart">Where its own characters start.</param>
    /// <param name="IsSynthetic">A table column's view: made of cells and headers, not the document's characters in order.</param>
    private readonly record struct StatementView(Statement Statement, ReadOnlyMemory<char> Characters, int OwnStart, bool IsSynthetic = false)
    {
        // Readers join HTML and Markdown cells with " | "; a plain-text table keeps its tabs.
        private static readonly string[] CellSeparators = [" | ", "\t"];

        private static readonly Regex Empty = new(@"^\s*(?:n/?a|not applicable|not stated|unknown|varies|[-—–]|)\s*$", RegexOptions.IgnoreCase | RegexOptions.Compiled);

        public ReadOnlySpan<char> Text => Characters.Span;

        /// <summary>The statement's own characters.</summary>
        public ReadOnlySpan<char> Own => Characters.Span[OwnStart..];

        /// <summary>The context before the line break; empty when there is none.</summary>
        public ReadOnlySpan<char> Context => Characters.Span[..OwnStart];

        public bool IsOwn(TextSpan span) => span.Start >= OwnStart;



        /// <summary>
        /// One view per value column of a table row: "header label | column header" over "row label | cell",
        /// so a column's header can name the plan or the question its cells answer. Empty when the row has no
        /// header with as many cells. Cells that say nothing ("N/A", "Not stated") give no view.
        /// </summary>
        public static List<StatementView> TableColumns(string documentText, Statement row)
        {
            if (row.Context is not { } header)
            {
                return [];
            }

            var headers = header.Slice(documentText).Split(CellSeparators, StringSplitOptions.TrimEntries);
            var cells = row.Span.Slice(documentText).Split(CellSeparators, StringSplitOptions.TrimEntries);
            if (headers.Length < 2 || headers.Length != cells.Length)
            {
                return [];
            }

            var views = new List<StatementView>();
            for (var column = 1; column < cells.Length; column++)
            {
                if (SaysNothing(cells[column]))
                {
                    continue;
                }

                var prefix = $"{headers[0]} | {headers[column]}\n";
                views.Add(new StatementView(row, $"{prefix}{cells[0]} | {cells[column]}".AsMemory(), prefix.Length, IsSynthetic: true));
            }

            return views;
        }

        private static bool SaysNothing(string cell) => Empty.IsMatch(cell);

        /// <summary>The list item's sentences before this one; empty for other blocks.</summary>
        public ReadOnlySpan<char> EarlierInBlock(string documentText) =>
            Statement.Kind == BlockKind.ListItem
                ? documentText.AsSpan(Statement.Block.Start, Statement.Span.Start - Statement.Block.Start)
                : [];

        public TextSpan ToDocument(TextSpan span) =>
            new(Statement.Span.Start + span.Start - OwnStart, Statement.Span.Start + span.End - OwnStart);
    }
}
