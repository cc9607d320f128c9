using System.Text.RegularExpressions;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction.Relations;

/// <summary>
/// Reads who does what to whose data around one trigger word of a statement. The actor is the first one named in
/// the trigger's sentence before it — not inside a condition opening the sentence, and not after a preposition
/// ("share with advertisers" is the sharer's act, not the advertisers'). An organisation's name acts like "we".
/// </summary>
internal static partial class RelationReader
{
    // How far after the action a thing acted on may stand: "sale of all or substantially all of our assets".
    private const int ObjectReach = 60;

    /// <summary>
    /// Reads the relation in <paramref name="text"/> (a statement's view: context, then the statement from
    /// <paramref name="ownStart"/>) around <paramref name="trigger"/>. <paramref name="organisations"/> are the
    /// spans where organisations are named in the statement's own text, in view coordinates. <paramref name="underLeadIn"/>
    /// says the context is a lead-in the statement is an item of.
    /// </summary>
    public static Relation Read(
        RelationLexicon lexicon, ReadOnlySpan<char> text, int ownStart, TextSpan trigger, IReadOnlyList<TextSpan> organisations, bool underLeadIn = false)
    {
        var own = text[ownStart..];
        var triggerInOwn = trigger.Start >= ownStart;

        // The trigger may name its own actor: "you can turn", "third parties train".
        var actorEnd = triggerInOwn ? trigger.End : text.Length;
        var clauseStart = ClauseStart(text, ownStart, actorEnd);

        // An action inside a condition opening the sentence ("If you use Claude through a partner, your data ...")
        // has the condition's actor only when the provider acts there ("If you don't want us to use ..."); otherwise
        // who acts is told by the main clause after it.
        var comma = own.IndexOf(',');
        var inOpeningCondition = triggerInOwn && clauseStart == ownStart && OpeningCondition().IsMatch(own)
            && comma > 0 && ownStart + comma > trigger.End;
        if (inOpeningCondition && FindActor(lexicon, text, ownStart, clauseStart, actorEnd, organisations).Kind != ActorKind.Provider)
        {
            clauseStart = ownStart + comma + 1;
            actorEnd = OwnSentenceEnd(text, clauseStart);
        }

        // "When we use your data for training, we ..." takes the provider's act as given; "Unless we ..." and "If you
        // do not want us to ..." do not.
        var presupposed = inOpeningCondition && ProviderActsInOpening().IsMatch(own);

        // The actor of "stay private unless you choose to help improve" is not the "you" of the condition.
        foreach (var subordinate in Subordinate().EnumerateMatches(text[clauseStart..actorEnd]))
        {
            actorEnd = clauseStart + subordinate.Index;
            break;
        }

        var (actor, actorSpan) = FindActor(lexicon, text, ownStart, clauseStart, actorEnd, organisations);

        return new Relation(
            actor,
            actorSpan,
            First(lexicon.DataObjects, text, ownStart, text.Length) ?? (ownStart > 0 ? First(lexicon.DataObjects, text, 0, ownStart) : null),
            triggerInOwn ? OtherObjectAfter(lexicon, text, trigger) : null,
            // An obligation binds what follows it ("you may not: ... sell the Service"), not what came before; a lead-in's
            // binds every item under it ("You may not use the Services in any of the following ways:").
            First(lexicon.Obligations, text, ownStart, triggerInOwn ? trigger.Start : text.Length)
                ?? (underLeadIn ? First(lexicon.Obligations, text, 0, ownStart) : null),
            // A condition after the action is its stance ("not used unless you opt in"); one before it governs it.
            triggerInOwn ? First(lexicon.Conditions, text, ownStart, trigger.Start) : null,
            First(lexicon.Narrowing, text, ownStart, text.Length),
            lexicon.Definitions.IsMatch(own),
            presupposed);
    }

    /// <summary>
    /// Where the clause that holds the actor starts: after a short label ("For business transfers: We may ..."),
    /// and after a condition opening the sentence ("If you opt out, we ...").
    /// </summary>
    private static int ClauseStart(ReadOnlySpan<char> text, int ownStart, int end)
    {
        var start = ownStart;
        var before = text[start..end];
        var colon = before.IndexOf(':');
        if (colon is > 0 and < 60 && Words(before[..colon]) <= 6)
        {
            start += colon + 1;
            before = text[start..end];
        }

        if (OpeningCondition().IsMatch(before) && before.IndexOf(',') is var comma and >= 0)
        {
            start += comma + 1;
            before = text[start..end];
        }

        // "You can turn this off, but Anthropic can still use ...": the last clause before the action has its actor.
        // A clause with no subject of its own ("..., and can export reports") goes on with the one before it.
        foreach (var turn in ClauseTurn().EnumerateMatches(before))
        {
            if (!NoSubject().IsMatch(before[(turn.Index + turn.Length)..]))
            {
                start = Math.Max(start, end - before.Length + turn.Index + turn.Length);
            }
        }

        return start;
    }

    private static (ActorKind Kind, TextSpan? Span) FindActor(
        RelationLexicon lexicon, ReadOnlySpan<char> text, int ownStart, int start, int end, IReadOnlyList<TextSpan> organisations)
    {
        var best = (Kind: ActorKind.Unstated, Span: (TextSpan?)null);
        var window = text[start..end];
        foreach (var (kind, pattern) in lexicon.Actors)
        {
            foreach (var match in pattern.EnumerateMatches(window))
            {
                var at = start + match.Index;
                if (best.Span is { } found && found.Start <= at)
                {
                    break;
                }

                if (!AfterPreposition(text[Preceding(start, ownStart)..at]) && !(kind == ActorKind.Person && InRelativeClause(text[..at])))
                {
                    best = (kind, new TextSpan(at, at + match.Length));
                    break;
                }
            }
        }

        foreach (var organisation in organisations)
        {
            if (organisation.Start >= start && organisation.End <= end
                && (best.Span is not { } found || organisation.Start < found.Start) && !AfterPreposition(text[Preceding(start, ownStart)..organisation.Start]))
            {
                best = (ActorKind.Provider, organisation);
                break;
            }
        }

        // "Do you sell my personal information? | No.": the person asks, and "you" is the provider answering.
        if (best is { Kind: ActorKind.Person, Span: { } asked } && IsAskedOfProvider(text[ownStart..], asked.Start - ownStart))
        {
            return (ActorKind.Provider, asked);
        }

        // "You grant Acme a licence to use your content": the one granted the licence uses it.
        if (best is { Kind: ActorKind.Person, Span: { } grantor } && Grants().IsMatch(text[grantor.End..end]))
        {
            // The cue is "you grant", which names the grant rather than the grantee's name.
            var grant = text[grantor.End..end].IndexOf("grant", StringComparison.OrdinalIgnoreCase);
            var verbEnd = grant < 0 ? grantor.End : grantor.End + grant + "grant".Length;
            return (ActorKind.Provider, new TextSpan(grantor.Start, verbEnd));
        }

        // "If you do not want us to use", "you agree that we may use": the person asks or agrees, the provider acts.
        if (best is { Kind: ActorKind.Person, Span: { } person })
        {
            foreach (var provider in ProviderAfterPerson().EnumerateMatches(text[person.End..end]))
            {
                best = (ActorKind.Provider, new TextSpan(person.End + provider.Index, person.End + provider.Index + provider.Length));
                break;
            }
        }

        return best;
    }

    /// <summary>
    /// Where the words that may put an actor after a preposition begin. A clause that starts inside the statement
    /// ("..., and the Customer may delete") starts with its actor, whatever the word that ended the clause before;
    /// a statement's first clause may continue its lead-in ("We share your data with:" then "advertisers").
    /// </summary>
    private static int Preceding(int clauseStart, int ownStart) => clauseStart > ownStart ? clauseStart : 0;

    private static int OwnSentenceEnd(ReadOnlySpan<char> text, int from)
    {
        var end = text[from..].IndexOfAny('.', ';');
        return end < 0 ? text.Length : from + end;
    }

    private static TextSpan? OtherObjectAfter(RelationLexicon lexicon, ReadOnlySpan<char> text, TextSpan trigger)
    {
        var after = text[trigger.End..Math.Min(text.Length, trigger.End + ObjectReach)];
        foreach (var match in lexicon.OtherObjects.EnumerateMatches(after))
        {
            // The person's data named first is what is acted on: "sell your data, or our assets".
            if (!lexicon.DataObjects.IsMatch(after[..match.Index]))
            {
                return new TextSpan(trigger.End + match.Index, trigger.End + match.Index + match.Length);
            }

            break;
        }

        return null;
    }

    private static TextSpan? First(Regex pattern, ReadOnlySpan<char> text, int start, int end)
    {
        foreach (var match in pattern.EnumerateMatches(text[start..end]))
        {
            return new TextSpan(start + match.Index, start + match.Index + match.Length);
        }

        return null;
    }

    // "everything you type", "information you share", "requests you send": the person in a clause describing the data,
    // not acting.
    // The "you" of a question the statement opens with, asked of the provider: "Do you sell …? | No."
    private static bool IsAskedOfProvider(ReadOnlySpan<char> own, int at)
    {
        foreach (var question in AskedOfProvider().EnumerateMatches(own))
        {
            return at == question.Index + question.Length - "you".Length;
        }

        return false;
    }

    private static bool InRelativeClause(ReadOnlySpan<char> before) =>
        RelativeHead().IsMatch(before[Math.Max(0, before.Length - 30)..]);

    private static bool AfterPreposition(ReadOnlySpan<char> before) =>
        Preposition().IsMatch(before[Math.Max(0, before.Length - 40)..]);

    private static int Words(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in text.Split(' '))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"\b(?:with|to|from|by|of|for|among|through|via|about|between|than|like|including|such as|on behalf of|and|or)\s+(?:[\w’'-]+\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex Preposition();

    [GeneratedRegex(@"\b(?:everything|anything|something|content|data|information|conversations?|chats?|messages?|inputs?|outputs?|prompts?|files?|that|which|what|whatever|materials?|texts?|questions?|things?|details|items?|requests?|queries|recordings?|transcripts?|documents?|uploads?|submissions?|audio|images?|photos?|videos?|code|translations?|songs?|lyrics)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeHead();

    // "ask us to", "request that we" leave the person acting: the provider only carries out the request.
    [GeneratedRegex(@"(?<!\b(?:ask|asks|asking|request|requests|tell|instruct|direct|contact|notify|email|that)\s+)\b(?:us|we)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProviderAfterPerson();

    [GeneratedRegex(@"^\s+(?:hereby\s+)?(?:grant|grants|give|gives)\b[^.;]{0,120}\blicen[cs]e\b", RegexOptions.IgnoreCase)]
    private static partial Regex Grants();

    [GeneratedRegex(@"^\W*(?:do|does|did|will|would|can|could|may)\s+you\b(?=[^?|]*\?)", RegexOptions.IgnoreCase)]
    private static partial Regex AskedOfProvider();

    [GeneratedRegex(@"[;—]\s*|,\s*(?:but|and|however|while|whereas|although|though|yet)\b|\bbut\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseTurn();

    [GeneratedRegex(@"^\s*(?:then\s+)?(?:can|may|might|will|would|could|should|must|cannot|can[’']t)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoSubject();

    [GeneratedRegex(@"(?<=\w\W*\s)\b(?:unless|until|except|if|when|whenever|once|without|so that|so)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Subordinate();

    [GeneratedRegex(@"^\W*(?:if|when|where|whenever|unless|once|in the event|to the extent|in case)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningCondition();

    [GeneratedRegex(@"^\W*(?:if|when|where|whenever|once|in the event|to the extent) (?:we|the company)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProviderActsInOpening();
}
