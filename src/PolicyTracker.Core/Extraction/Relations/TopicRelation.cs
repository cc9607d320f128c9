using System.Text.RegularExpressions;

namespace PolicyTracker.Core.Extraction.Relations;

/// <summary>
/// What one topic asks of a statement's relation (the catalog's <c>relation</c> entry of the topic): the actors
/// that may do its action, whether the person's data must be named, the sections that are never about it, words
/// near the action that make it another action, the words its action is done with, and what a "yes" must say.
/// </summary>
internal sealed record TopicRelation(
    IReadOnlySet<ActorKind> Actors,
    bool NeedsData,
    Regex? VetoSections,
    Regex? VetoNear,
    Regex? Action,
    Regex? AffirmativeNeeds)
{
    /// <summary>Asks nothing: any actor, no data object, no section.</summary>
    public static TopicRelation None { get; } = new(
        new HashSet<ActorKind>(Enum.GetValues<ActorKind>()), NeedsData: false, VetoSections: null, VetoNear: null, Action: null, AffirmativeNeeds: null);

    public IEnumerable<Regex> Patterns => new[] { VetoSections, VetoNear, Action, AffirmativeNeeds }.OfType<Regex>();

    public static TopicRelation From(RelationEntry? entry, Func<string, Regex> compile)
    {
        if (entry is null)
        {
            return None;
        }

        var actors = new HashSet<ActorKind>();
        foreach (var name in entry.Actors ?? [.. Enum.GetNames<ActorKind>()])
        {
            if (!Enum.TryParse<ActorKind>(name, ignoreCase: true, out var kind))
            {
                throw new InvalidDataException($"unknown actor kind '{name}'");
            }

            actors.Add(kind);
        }

        return new TopicRelation(
            actors,
            entry.NeedsData ?? false,
            entry.VetoSections is { } sections ? compile(sections) : null,
            entry.VetoNear is { } near ? compile(near) : null,
            entry.Action is { } action ? compile(action) : null,
            entry.AffirmativeNeeds is { } needs ? compile(needs) : null);
    }
}
