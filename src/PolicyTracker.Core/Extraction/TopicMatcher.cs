using System.Text.RegularExpressions;
using PolicyTracker.Core.Extraction.Values;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// The topic-and-value stage: whether a statement matches one topic of the catalog (its gate, trigger, exclusions
/// and other patterns) and which value it states, with negation read in the trigger's own clause.
/// </summary>
internal sealed class TopicMatcher(TopicCatalog catalog)
{
    // How far before a trigger word a negation may stand; clause boundaries usually stop it sooner.
    private const int NegationReach = 150;

    // Where a negation stops reaching forward: the end of a sentence part, or a turn of the argument.
    private static readonly Regex ClauseBoundary = new(@"[;.!?]\s|\b(?:but|however|although|though|whereas|yet|while)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // What a trigger that is the subject of its clause is said not to be: "ads are never personalised". The group "not"
    // is the negating word, for the claim's cue.
    private static readonly Regex NegatedPassiveAfter = new(
        @"^\s+(?:are|is|will be|were|was)\s+(?<not>not|never)\s+(?:\w+ly\s+)?(?:based|used|shared|sold|personali[sz]ed|targeted|tailored|shown|served|disclosed|rented)\b",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // A cell that answers its row's question in the negative.
    private static readonly Regex NegativeAnswer = new(@"^\s*(?:no|never|not|none|✖|✗|❌)(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // A lead-in that states the reader's goal introduces steps, not statements.
    private static readonly Regex Goal = new(@"^\s*(?:to|in order to)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // A clause that states a condition ("if you don’t opt out") does not negate what follows it.
    private static readonly Regex Condition = new(@"^\s*(?:if|when|unless|once|even if|after|where|until)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private static readonly char[] ClauseBreaks = [',', ':', '(', '—'];

    private static readonly char[] SentenceBreaks = [',', ';', '.', '!', '?'];

    public Finding? Match(string documentText, TopicRule rule, StatementView view, int ruleIndex, DocumentState state)
    {
        // The trigger and the exclusions are judged on the statement itself: its context may complete its
        // meaning, but never decides what the statement is about. The gate and the trigger go first because
        // they are rarely met: most statements are about none of the topics.
        var text = view.Text;
        var gateInView = rule.Gate is not { } gate || gate.IsMatch(text)
            || (view.HeaderRow is { } header && gate.IsMatch(header.Of(documentText)));
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
    internal static bool FirstMatch(Regex pattern, ReadOnlySpan<char> text, int startAt, out TextSpan span)
    {
        foreach (var match in pattern.EnumerateMatches(text, startAt))
        {
            span = new TextSpan(match.Index, match.Index + match.Length);
            return true;
        }

        span = default;
        return false;
    }

    internal static bool AnyMatch(IReadOnlyList<Regex> patterns, ReadOnlySpan<char> text)
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
            || (catalog.Negation.IsMatch(view.Context) && !Goal.IsMatch(view.Text)));

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
    public bool IsNegated(StatementView view, TextSpan trigger)
    {
        var text = view.Text;
        if (!view.IsOwn(trigger))
        {
            var before = text[Math.Max(0, trigger.Start - NegationReach)..trigger.Start];
            return catalog.Negation.IsMatch(text, view.OwnStart) || catalog.Negation.IsMatch(before);
        }

        // A table cell answering the row's question: "Used for training | No".
        if (view.Statement.Kind == BlockKind.TableRow && text.LastIndexOf(" | ", StringComparison.Ordinal) is var cell and >= 0
            && cell >= trigger.End)
        {
            return NegativeAnswer.IsMatch(text[(cell + 3)..]);
        }

        // The trigger as the subject of a negated passive: "Ads are not based on your conversations".
        if (NegatedPassiveAfter.IsMatch(text[trigger.End..]))
        {
            return true;
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
            if (!Condition.IsMatch(clause) && catalog.Negation.IsMatch(clause))
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
            return leadIn.EndsWith(':') && catalog.Negation.IsMatch(lastClause);
        }

        return false;
    }

    /// <summary>
    /// The words that negate <paramref name="trigger"/>, for the claim's cues: the "not" of a negated passive after it
    /// ("Ads are not based on"), else the last negation before it in the statement; null when there is none.
    /// </summary>
    public TextSpan? Negation(StatementView view, TextSpan trigger)
    {
        if (!view.IsOwn(trigger))
        {
            return null;
        }

        // Only claims ask for their cues, so the Match allocated here is rare.
        if (NegatedPassiveAfter.Match(view.Text[trigger.End..].ToString()) is { Success: true } passive)
        {
            var not = passive.Groups["not"];
            return new TextSpan(trigger.End + not.Index, trigger.End + not.Index + not.Length);
        }

        TextSpan? last = null;
        var from = Math.Max(view.OwnStart, trigger.Start - NegationReach);
        foreach (var match in catalog.Negation.EnumerateMatches(view.Text[from..trigger.Start]))
        {
            last = new TextSpan(from + match.Index, from + match.Index + match.Length);
        }

        return last;
    }
}

/// <summary>A topic match: the value read, the trigger word and, when words of their own stated it, the value's words.</summary>
internal readonly record struct Finding(string Value, TextSpan Trigger, TextSpan? ValueSpan);
