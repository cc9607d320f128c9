using System.Text.RegularExpressions;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction.Relations;

/// <summary>
/// The words a match is judged on: the statement's own text, its context (a lead-in or header row), the section it
/// stands in (its heading, and a label opening its block) and the sentence before it in its block.
/// </summary>
internal readonly ref struct JudgedText(
    ReadOnlySpan<char> own, ReadOnlySpan<char> context, ReadOnlySpan<char> heading, ReadOnlySpan<char> label, ReadOnlySpan<char> previous)
{
    public ReadOnlySpan<char> Own { get; } = own;

    public ReadOnlySpan<char> Context { get; } = context;

    public ReadOnlySpan<char> Heading { get; } = heading;

    public ReadOnlySpan<char> Label { get; } = label;

    public ReadOnlySpan<char> Previous { get; } = previous;

    /// <summary>Whether <paramref name="pattern"/> is found in the statement or around it.</summary>
    public bool Around(Regex pattern) =>
        pattern.IsMatch(Own) || pattern.IsMatch(Context) || InSection(pattern) || pattern.IsMatch(Previous);

    /// <summary>Whether <paramref name="pattern"/> is found in the statement's heading or its block's label.</summary>
    public bool InSection(Regex pattern) => pattern.IsMatch(Heading) || pattern.IsMatch(Label);
}

/// <summary>The value a match read: the value, whether the topic takes a stance, and whether words of its own stated it.</summary>
internal readonly record struct JudgedValue(string Value, bool IsStance, bool Stated);

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

    /// <summary>Judges a match of <paramref name="topic"/>.</summary>
    /// <param name="topic">The topic's requirements.</param>
    /// <param name="relation">The relation read around the trigger.</param>
    /// <param name="text">The statement and its surroundings.</param>
    /// <param name="value">
    /// The value read. A stance (the default) turns into another question under a condition on the person's
    /// choice; a value stated in words of its own ("opt-in system", "30 days") stands for the action and its object.
    /// </param>
    /// <param name="triggerInOwn">The trigger stands in the statement itself rather than its context.</param>
    public static Judgement Judge(TopicRelation topic, Relation relation, JudgedText text, JudgedValue value, bool triggerInOwn)
    {
        var own = text.Own;
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

        if (topic.VetoSections is { } sections && text.InSection(sections))
        {
            return Vetoed("its section is about something else");
        }

        if (topic.VetoNear is { } near && near.IsMatch(own))
        {
            return Vetoed("its words are about another action");
        }

        if (value.IsStance && (relation.Condition is not null || text.InSection(SettingState())))
        {
            return Vetoed("holds only under a condition on the person's choice");
        }

        var confidence = Start;
        var doubts = new List<string>(2);

        // Words that state the value ("an opt-in system", "kept for 30 days") stand for the action and its object.
        if (topic.NeedsData && relation.DataObject is null)
        {
            confidence -= value.Stated ? 0.15 : 0.35;
            doubts.Add("the person's data is not named");
        }

        if (topic.Action is { } action && !value.Stated && !text.Around(action))
        {
            confidence -= 0.35;
            doubts.Add("no word of the topic's action");
        }

        // "Yes" read from the action alone, with nobody doing it ("selling that Personal Information"), says little.
        if (topic.NeedsData && value.Value == "yes" && !value.Stated && relation.Actor == ActorKind.Unstated)
        {
            confidence -= 0.3;
            doubts.Add("nobody is said to do it");
        }

        if (value.Value == "yes" && topic.AffirmativeNeeds is { } needs && !text.Around(needs))
        {
            confidence -= 0.35;
            doubts.Add("no words of the practice itself");
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

        // "When we use your information for training, we remove names": the sentence tells what happens then, and
        // leaves whether it happens by default to other statements.
        if (value.IsStance && relation.IsPresupposed)
        {
            confidence -= 0.35;
            doubts.Add("taken as given by a condition opening the sentence");
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
    [GeneratedRegex(@"\b(?:at|upon|on|following|after receiving) (?:your |a |the )?(?:verified |written )?request\b|\byou (?:can |may )?(?:ask|request|instruct|direct|tell) us\b|\byour request\b|\brequest(?:s|ed)? (?:by|from) you\b|\bif you (?:ask|request|instruct|delete|choose)\b|\b(?:lets?|allows?|enables?|permits?) you\b|\bprovide you\b|\bgive you\b|(?<!\breserves? the )\brights? to\b|\b(?:honou?r|respond to|process|fulfil+) (?:\w+ )?requests? to\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnRequest();

    // A section about one state of the setting ("If the setting is off", "When you opt out") tells what happens then, not by default.
    [GeneratedRegex(@"\b(?:if|when|once|after|where)\b[^\n]{0,60}?\b(?:(?:is|are|was|been) (?:off|on|disabled|enabled|turned (?:off|on))|opt(?:ed)?[- ]?(?:in|out)|turn(?:ed)? (?:it |this |training )?(?:off|on))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SettingState();
}
