using System.Text.RegularExpressions;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction.Relations;

/// <summary>What a topic match amounts to: no claim (a veto, with its reason), or a claim with a confidence.</summary>
internal readonly record struct Judgement(double Confidence, string? Veto, IReadOnlyList<string> Doubts)
{
    public bool IsVetoed => Veto is not null;
}

/// <summary>
/// Decides from a statement's relation whether a topic match is a claim, and how sure that is. A veto is for
/// what is never the topic's claim: a definition, the person's obligation, an actor the topic does not allow, a
/// thing acted on that is not the person's data, a section that is never about the topic. A doubt lowers the
/// confidence: the person's data not named, no verb of the topic's action, a narrowing to a special case.
/// </summary>
internal static partial class ClaimJudge
{
    private const double Start = 0.9;

    /// <summary>Judges the match of <paramref name="topic"/> in <paramref name="own"/> (the statement's own text).</summary>
    /// <param name="topic">The topic's requirements.</param>
    /// <param name="relation">The relation read around the trigger.</param>
    /// <param name="own">The statement's own text.</param>
    /// <param name="section">The heading the statement stands under, with any label opening it; empty when none.</param>
    /// <param name="isStance">The topic takes a stance (the default), which a condition on the person's choice turns into another question.</param>
    /// <param name="triggerInOwn">The trigger stands in the statement itself rather than its context.</param>
    /// <param name="valueStated">The value was read from words of its own ("opt-in system", "30 days"), not from the action alone.</param>
    public static Judgement Judge(
        TopicRelation topic, Relation relation, ReadOnlySpan<char> own, ReadOnlySpan<char> section, bool isStance, bool triggerInOwn, bool valueStated)
    {
        if (relation.IsDefinition)
        {
            return Vetoed("defines a term");
        }

        if (relation.Obligation is not null)
        {
            return Vetoed("binds the person (an obligation or prohibition)");
        }

        if (!topic.Actors.Contains(relation.Actor)
            && !(relation.Actor == ActorKind.Provider && topic.Actors.Contains(ActorKind.Person) && OnRequest().IsMatch(own)))
        {
            return Vetoed($"the actor is {Describe(relation.Actor)}");
        }

        if (relation.OtherObject is not null)
        {
            return Vetoed("acts on something other than the person's data");
        }

        if (topic.VetoSections is { } sections && section.Length > 0 && sections.IsMatch(section))
        {
            return Vetoed("its section is about something else");
        }

        if (topic.VetoNear is { } near && near.IsMatch(own))
        {
            return Vetoed("its words are about another action");
        }

        if (isStance && (relation.Condition is not null || (section.Length > 0 && SettingState().IsMatch(section))))
        {
            return Vetoed("holds only under a condition on the person's choice");
        }

        var confidence = Start;
        var doubts = new List<string>(2);
        // Words that state the value ("an opt-in system", "kept for 30 days") stand for the action and its object.
        if (topic.NeedsData && relation.DataObject is null)
        {
            confidence -= valueStated ? 0.15 : 0.35;
            doubts.Add("no data of the person's is named");
        }

        if (topic.Action is { } action && !valueStated && !action.IsMatch(own))
        {
            confidence -= 0.3;
            doubts.Add("no verb of the topic's action");
        }

        if (relation.Narrowing is not null)
        {
            confidence -= 0.35;
            doubts.Add("narrowed to a special case");
        }

        if (relation.Condition is not null)
        {
            confidence -= 0.1;
            doubts.Add("stated under a condition");
        }

        if (relation.Actor == ActorKind.Unstated)
        {
            confidence -= 0.05;
        }

        if (!triggerInOwn)
        {
            confidence -= 0.1;
            doubts.Add("its topic is named only before it");
        }

        return new Judgement(Math.Round(Math.Clamp(confidence, 0.05, 0.99), 2), null, doubts);
    }

    public static string Describe(ActorKind actor) => actor switch
    {
        ActorKind.Provider => "the provider",
        ActorKind.Person => "the person",
        ActorKind.Customer => "a business customer",
        ActorKind.ThirdParty => "a third party",
        _ => "not stated",
    };

    private static Judgement Vetoed(string reason) => new(0, reason, []);

    // "We will delete your data at your request" is the person's right, though the provider acts.
    [GeneratedRegex(@"\b(?:at|upon|on|following|after receiving) (?:your|a|the) (?:verified |written )?request\b|\byour request\b|\brequest(?:s|ed)? (?:by|from) you\b|\bif you (?:ask|request|instruct|delete|choose)\b|\b(?:lets?|allows?|enables?|permits?) you\b|\bprovide you\b|\bgive you\b|\brights? to\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnRequest();

    // A section about one state of the setting ("If the setting is off", "When you opt out") tells what happens then, not by default.
    [GeneratedRegex(@"\b(?:if|when|once|after|where)\b[^\n]{0,60}?\b(?:(?:is|are|was|been) (?:off|on|disabled|enabled|turned (?:off|on))|opt(?:ed)?[- ]?(?:in|out)|turn(?:ed)? (?:it |this |training )?(?:off|on))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SettingState();
}
