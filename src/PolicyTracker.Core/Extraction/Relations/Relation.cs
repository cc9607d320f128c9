using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction.Relations;

/// <summary>Who acts in a statement, as far as the words tell.</summary>
public enum ActorKind
{
    /// <summary>No actor is named: "Your data is never sold."</summary>
    Unstated,

    /// <summary>The organisation the statement is about: "we", "the Company", its name.</summary>
    Provider,

    /// <summary>The person whose data it is: "you", "users".</summary>
    Person,

    /// <summary>A business customer or its administrator: "the Customer", "your employer".</summary>
    Customer,

    /// <summary>Someone else: advertisers, partners, vendors, model providers.</summary>
    ThirdParty,
}

/// <summary>
/// What a statement says about who does what to whose data, read around one topic's trigger word: the actor of
/// the trigger's clause, the data object, whether the person is bound by it (an obligation), whether it holds only
/// under a condition, whether it narrows to a special case, and the section it stands in.
/// </summary>
/// <param name="Actor">The actor's kind.</param>
/// <param name="ActorSpan">Where the actor's words stand, in view coordinates; null when unstated.</param>
/// <param name="DataObject">Where the person's data is named, in view coordinates; null when it is not.</param>
/// <param name="OtherObject">A thing acted on that is not the person's data ("sale of assets"), in view coordinates.</param>
/// <param name="Obligation">Words binding the person ("you may not"), in view coordinates.</param>
/// <param name="Condition">A condition the trigger's clause sits under ("if you have opted in"), in view coordinates.</param>
/// <param name="Narrowing">Words that narrow the statement to a special case ("children under 13").</param>
/// <param name="IsDefinition">The statement defines a term ("'Content' means ...").</param>
/// <param name="IsPresupposed">
/// The action stands inside a condition opening the sentence ("When we use personal information for training, we
/// ..."): the sentence takes it as given and states something else about it.
/// </param>
public sealed record Relation(
    ActorKind Actor,
    TextSpan? ActorSpan,
    TextSpan? DataObject,
    TextSpan? OtherObject,
    TextSpan? Obligation,
    TextSpan? Condition,
    TextSpan? Narrowing,
    bool IsDefinition,
    bool IsPresupposed = false);
