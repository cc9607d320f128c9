using System.Text.RegularExpressions;

namespace PolicyTracker.Core.Extraction.Relations;

/// <summary>
/// The catalog's relation lexicons, compiled: the words that name each kind of actor, the person's data and
/// other things acted on, obligations, definitions, narrowing qualifiers and conditions on a setting.
/// </summary>
internal sealed class RelationLexicon
{
    private RelationLexicon(
        IReadOnlyList<(ActorKind Kind, Regex Pattern)> actors,
        Regex dataObjects,
        Regex otherObjects,
        Regex obligations,
        Regex definitions,
        Regex narrowing,
        Regex conditions)
    {
        Actors = actors;
        DataObjects = dataObjects;
        OtherObjects = otherObjects;
        Obligations = obligations;
        Definitions = definitions;
        Narrowing = narrowing;
        Conditions = conditions;
    }

    /// <summary>A lexicon that reads no relation: every statement has an unstated actor and nothing else.</summary>
    public static RelationLexicon Empty { get; } = new([], Never(), Never(), Never(), Never(), Never(), Never());

    public IReadOnlyList<(ActorKind Kind, Regex Pattern)> Actors { get; }

    public Regex DataObjects { get; }

    /// <summary>Matched right after the action: "sale of Company assets", "sell the Service".</summary>
    public Regex OtherObjects { get; }

    public Regex Obligations { get; }

    public Regex Definitions { get; }

    public Regex Narrowing { get; }

    /// <summary>A condition on the person's own choice: "if you have opted in, ...".</summary>
    public Regex Conditions { get; }

    public IEnumerable<Regex> Patterns =>
        [.. Actors.Select(a => a.Pattern), DataObjects, OtherObjects, Obligations, Definitions, Narrowing, Conditions];

    public static RelationLexicon From(RelationSection? section, Func<string, Regex> compile)
    {
        if (section is null)
        {
            return Empty;
        }

        var actors = new List<(ActorKind, Regex)>();
        foreach (var (name, patterns) in section.Actors)
        {
            if (!Enum.TryParse<ActorKind>(name, ignoreCase: true, out var kind) || kind == ActorKind.Unstated)
            {
                throw new InvalidDataException($"relations: unknown actor kind '{name}'");
            }

            actors.AddRange(patterns.Select(p => (kind, compile(p))));
        }

        return new RelationLexicon(
            actors,
            compile(section.DataObjects),
            compile(section.OtherObjects),
            compile(section.Obligations),
            compile(section.Definitions),
            compile(section.Narrowing),
            compile(section.Conditions));
    }

    private static Regex Never() => new("(?!)", RegexOptions.None, TimeSpan.FromSeconds(1));
}
