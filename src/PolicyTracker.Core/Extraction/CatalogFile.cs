namespace PolicyTracker.Core.Extraction;

// The catalog file's shape as written in JSON; TopicCatalog compiles it into rules.
internal sealed record CatalogFile(
    string Negation,
    IReadOnlyList<OrganisationEntry> Organisations,
    IReadOnlyList<string> GenericActors,
    ScopeSection Scopes,
    IReadOnlyList<TopicEntry> Topics,
    IReadOnlyList<string>? NotStatements,
    RelationSection? Relations);

// The lexicons that read who does what to whose data (Relations/RelationReader).
internal sealed record RelationSection(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Actors,
    string DataObjects,
    string OtherObjects,
    string Obligations,
    string Definitions,
    string Narrowing,
    string Conditions);

// What a topic asks of a statement's relation: who may act, whether the person's data must be named, which
// sections are never about the topic, and which words near the action make it another action.
internal sealed record RelationEntry(
    IReadOnlyList<string>? Actors,
    bool? NeedsData,
    string? VetoSections,
    string? VetoNear,
    string? Action,
    string? AffirmativeNeeds);

internal sealed record OrganisationEntry(string Subject, IReadOnlyList<string> Names);

internal sealed record ScopeSection(string Default, IReadOnlyList<ScopeEntry> Rules);

internal sealed record ScopeEntry(string Scope, IReadOnlyList<string> Patterns);

internal sealed record TopicEntry(
    string Key,
    string Kind,
    string Question,
    IReadOnlyList<string>? Keywords,
    string? Gate,
    IReadOnlyList<string> Match,
    IReadOnlyList<string>? Exclude,
    IReadOnlyList<ValueEntry>? Values,
    bool? UsesContext,
    RelationEntry? Relation);

internal sealed record ValueEntry(string Value, IReadOnlyList<string>? Patterns, bool? Negated, IReadOnlyList<string>? Unless);
