using System.Text.RegularExpressions;
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
    public IReadOnlyList<ExtractedClaim> Extract(ExtractedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mainSubject = subjects.MainSubject(document.Text, document.Title);

        // A page titled "Enterprise privacy" speaks of business plans wherever it names none.
        var documentScope = document.Title is { } title && scopes.Find(title) is [var named, ..] ? named.Scope : Catalog.DefaultScope;
        var defaults = new DocumentDefaults(mainSubject, documentScope, new bool[Catalog.Rules.Count]);
        var claims = new List<ExtractedClaim>();
        foreach (var statement in StatementReader.Read(document))
        {
            ExtractFrom(document.Text, statement, defaults, claims);
        }

        return claims;
    }

    private void ExtractFrom(string text, Statement statement, DocumentDefaults defaults, List<ExtractedClaim> claims)
    {
        var own = statement.Span.Slice(text);
        if (IsQuestion(own) || IsLeadIn(own) || IsHeaderRow(statement))
        {
            return;
        }

        var views = statement.Kind == BlockKind.TableRow && StatementView.TableColumns(text, statement) is { Count: > 0 } columns
            ? columns
            : [StatementView.Of(text, statement)];
        var found = new List<ExtractedClaim>();
        foreach (var view in views)
        {
            // Two columns of one row may say the same thing; the row makes that claim once.
            found.AddRange(ClaimsOf(text, view, defaults).Where(c => !found.Any(f =>
                (f.Subject, f.Topic, f.Scope, f.Value) == (c.Subject, c.Topic, c.Scope, c.Value))));
        }

        // Checked last, as they are needed only for the few statements that make a claim.
        if (found.Count > 0 && !IsAboutUnnamedActors(own) && !Catalog.NotStatements.Any(p => p.IsMatch(own)))
        {
            claims.AddRange(found);
        }
    }

    private IEnumerable<ExtractedClaim> ClaimsOf(string text, StatementView view, DocumentDefaults defaults)
    {
        var statement = view.Statement;
        var candidates = defaults.Candidates;
        if (usePrefilter)
        {
            Catalog.Prefilter.Mark(view.Text, candidates);
        }
        else
        {
            Array.Fill(candidates, true);
        }

        for (var i = 0; i < Catalog.Rules.Count; i++)
        {
            var rule = Catalog.Rules[i];
            if (!candidates[i] || Evaluate(rule, view) is not { } found)
            {
                continue;
            }

            var subject = ResolveSubject(text, view, found.Trigger, defaults.Subject, out var subjectEvidence);
            var named = ResolveScopes(text, view, out var scopeEvidence);
            var quote = statement.Span;
            if (statement.Kind != BlockKind.TableRow)
            {
                var evidence = new List<TextSpan>();
                AddIfOwn(evidence, view, found.Trigger);
                AddIfOwn(evidence, view, found.ValueSpan);
                AddIfOwn(evidence, view, subjectEvidence);
                AddIfOwn(evidence, view, scopeEvidence);
                quote = statement.IsFragment && statement.Context is { } before
                    ? new TextSpan(before.Start, QuoteSpan(text, statement.Span, evidence).End)
                    : QuoteSpan(text, statement.Span, evidence);
            }

            foreach (var scope in named.Count > 0 ? named : [defaults.Scope])
            {
                yield return new ExtractedClaim(subject, rule.Definition.Key, scope, found.Value, quote.Slice(text), quote);
            }
        }
    }

    private Finding? Evaluate(TopicRule rule, StatementView view)
    {
        // The trigger and the exclusions are judged on the statement itself: its context may complete its
        // meaning, but never decides what the statement is about. The gate and the trigger go first because
        // they are rarely met: most statements are about none of the topics.
        if (rule.Gate is { } gate && !gate.IsMatch(view.Text))
        {
            return null;
        }

        var trigger = rule.Match[0].Match(view.Text, view.OwnStart);
        if (!trigger.Success && MayTakeTriggerFromContext(view))
        {
            // "We do not." after a sentence about training, an item under "We do not train on:", or a cell under
            // a header that names the topic.
            trigger = rule.Match[0].Match(view.Text[..view.OwnStart]);
        }

        if (!trigger.Success)
        {
            return null;
        }

        foreach (var exclude in rule.Exclude)
        {
            if (exclude.IsMatch(view.Text, view.OwnStart))
            {
                return null;
            }
        }

        var searchFrom = rule.UsesContext ? 0 : view.OwnStart;
        for (var i = 1; i < rule.Match.Count; i++)
        {
            if (!rule.Match[i].IsMatch(view.Text, searchFrom))
            {
                return null;
            }
        }

        var triggerSpan = new TextSpan(trigger.Index, trigger.Index + trigger.Length);
        var negated = IsNegated(view, triggerSpan);
        var value = rule.Definition.ValueKind switch
        {
            ValueKind.Duration => Nearest(view, triggerSpan, t => DurationParser.FindAll(t).Select(d => (d.Iso, d.Span)))
                ?? ByRules(rule, view, negated),
            ValueKind.Date => Nearest(view, triggerSpan, t => DateParser.FindAll(t).Select(d => (d.Value, d.Span))),
            _ => ByRules(rule, view, negated),
        };

        return value is { } found ? new Finding(found.Value, triggerSpan, found.Span) : null;
    }

    // A list item enumerating what a negated lead-in excludes ("We never sell:") states that exclusion itself;
    // an item under any other lead-in ("The setting decides whether we can use your chats to:"), or under a
    // goal ("To make sure your data is not used for training:"), does not.
    private bool MayTakeTriggerFromContext(StatementView view) =>
        view.OwnStart > 0
        && (view.Statement.Kind != BlockKind.ListItem
            || (Catalog.Negation.IsMatch(view.Text[..view.OwnStart]) && !Goal.IsMatch(view.Text)));

    private static (string Value, TextSpan? Span)? ByRules(TopicRule rule, StatementView view, bool negated)
    {
        foreach (var valueRule in rule.Values)
        {
            if ((valueRule.Negated is { } wanted && wanted != negated) || valueRule.Unless.Any(u => u.IsMatch(view.Text)))
            {
                continue;
            }

            if (valueRule.Patterns.Count == 0)
            {
                return (valueRule.Value, null);
            }

            foreach (var pattern in valueRule.Patterns)
            {
                var match = pattern.Match(view.Text, view.OwnStart);
                if (!match.Success)
                {
                    match = pattern.Match(view.Text[..view.OwnStart]);
                }

                if (match.Success)
                {
                    return (valueRule.Value, new TextSpan(match.Index, match.Index + match.Length));
                }
            }
        }

        return null;
    }

    /// <summary>The value found in the statement nearest its trigger: "kept for 30 days, or 2 years if flagged".</summary>
    private static (string Value, TextSpan? Span)? Nearest(
        StatementView view, TextSpan trigger, Func<string, IEnumerable<(string Value, TextSpan Span)>> find)
    {
        var nearest = find(view.Text[view.OwnStart..])
            .Select(f => (f.Value, Span: new TextSpan(f.Span.Start + view.OwnStart, f.Span.End + view.OwnStart)))
            .OrderBy(f => Distance(f.Span, trigger))
            .Take(1)
            .ToList();
        return nearest is [var found] ? (found.Value, found.Span) : null;
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
        if (!view.IsOwn(trigger))
        {
            var before = view.Text[Math.Max(0, trigger.Start - NegationReach)..trigger.Start];
            return Catalog.Negation.IsMatch(view.Text, view.OwnStart) || Catalog.Negation.IsMatch(before);
        }

        // A table cell answering the row's question: "Used for training | No".
        if (view.Statement.Kind == BlockKind.TableRow && view.Text.LastIndexOf(" | ", StringComparison.Ordinal) is var cell and >= 0
            && cell >= trigger.End)
        {
            return NegativeAnswer.IsMatch(view.Text[(cell + 3)..]);
        }

        var window = view.Text[Math.Max(trigger.Start - NegationReach, view.OwnStart)..trigger.End];
        var sentenceStart = ClauseBoundary.Matches(window).LastOrDefault() is { } boundary ? boundary.Index + boundary.Length : 0;
        foreach (var clause in window[sentenceStart..].Split(',', ':', '(', '—'))
        {
            if (!Condition.IsMatch(clause) && Catalog.Negation.IsMatch(clause))
            {
                return true;
            }
        }

        if (view.Statement.Kind is BlockKind.ListItem or BlockKind.TableRow && view.OwnStart > 0)
        {
            var leadIn = view.Text[..(view.OwnStart - 1)].TrimEnd();
            var lastClause = leadIn[(leadIn.LastIndexOfAny([',', ';', '.', '!', '?']) + 1)..];
            return leadIn.EndsWith(':') && Catalog.Negation.IsMatch(lastClause);
        }

        return false;
    }

    private string ResolveSubject(string text, StatementView view, TextSpan trigger, string mainSubject, out TextSpan? evidence)
    {
        evidence = null;
        var own = view.Text[view.OwnStart..];
        if (subjects.Pick(own, Math.Max(0, trigger.Start - view.OwnStart)) is { } named)
        {
            evidence = new TextSpan(view.OwnStart + named.Index, view.OwnStart + named.Index + named.Length);
            return named.Subject;
        }

        // "It", "the company": the organisation named last before the statement in its paragraph or list item.
        var blockStart = view.Statement.Block.Start;
        var before = text[blockStart..view.Statement.Span.Start];
        var previous = subjects.Mentions(before).OrderByDescending(m => m.Index).Select(m => m.Subject).FirstOrDefault();
        if (previous is not null)
        {
            return previous;
        }

        if (view.OwnStart > 0 && subjects.Pick(view.Text[..view.OwnStart], view.OwnStart) is { } fromContext)
        {
            return fromContext.Subject;
        }

        return mainSubject;
    }

    /// <summary>
    /// The plans the statement names; failing that, those its list item's earlier sentences name, then its
    /// context. Empty when none is named: the document's scope applies.
    /// </summary>
    private List<string> ResolveScopes(string text, StatementView view, out TextSpan? evidence)
    {
        evidence = null;
        var own = scopes.Find(view.Text[view.OwnStart..]);
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

        return view.OwnStart > 0 ? [.. scopes.Find(view.Text[..view.OwnStart]).Select(s => s.Scope)] : [];
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
            foreach (Match separator in ClauseSeparator.Matches(text[statement.Start..statement.End]))
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

    private static bool IsQuestion(string statement) => statement.TrimEnd().EndsWith('?');

    // A table's header row names the questions; its data rows answer them.
    private static bool IsHeaderRow(Statement statement) => statement.Kind == BlockKind.TableRow && statement.Context is null;

    // "We do not train our models on:" introduces the statements; its items make the claims.
    private static bool IsLeadIn(string statement) => statement.TrimEnd().EndsWith(':');

    private bool IsAboutUnnamedActors(string statement) =>
        Catalog.GenericActors.Any(p => p.IsMatch(statement)) && !subjects.Mentions(statement).Any();

    private readonly record struct Finding(string Value, TextSpan Trigger, TextSpan? ValueSpan);

    /// <summary>What holds for every statement of one document, and the scratch space for its candidate topics.</summary>
    private readonly record struct DocumentDefaults(string Subject, string Scope, bool[] Candidates);

    /// <summary>
    /// The text a statement is judged on: its context, a line break, then the statement itself. Offsets into
    /// <see cref="Text"/> at or after <see cref="OwnStart"/> belong to the statement.
    /// </summary>
    private sealed record StatementView(Statement Statement, string Text, int OwnStart)
    {
        // Readers join HTML and Markdown cells with " | "; a plain-text table keeps its tabs.
        private static readonly string[] CellSeparators = [" | ", "\t"];

        private static readonly Regex Empty = new(@"^\s*(?:n/?a|not applicable|not stated|unknown|varies|[-—–]|)\s*$", RegexOptions.IgnoreCase | RegexOptions.Compiled);

        public static StatementView Of(string documentText, Statement statement)
        {
            var own = statement.Span.Slice(documentText);
            if (statement.Context is not { } context)
            {
                return new StatementView(statement, own, 0);
            }

            var prefix = context.Slice(documentText) + "\n";
            return new StatementView(statement, prefix + own, prefix.Length);
        }

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
                views.Add(new StatementView(row, $"{prefix}{cells[0]} | {cells[column]}", prefix.Length));
            }

            return views;
        }

        private static bool SaysNothing(string cell) => Empty.IsMatch(cell);

        /// <summary>The list item's sentences before this one; empty for other blocks.</summary>
        public string EarlierInBlock(string documentText) =>
            Statement.Kind == BlockKind.ListItem ? documentText[Statement.Block.Start..Statement.Span.Start] : string.Empty;

        public TextSpan ToDocument(TextSpan span) =>
            new(Statement.Span.Start + span.Start - OwnStart, Statement.Span.Start + span.End - OwnStart);
    }
}
