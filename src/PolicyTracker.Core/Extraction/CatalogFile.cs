namespace PolicyTracker.Core.Extraction;

// The catalog file's shape as written in JSON; TopicCatalog compiles it into rules.
internal sealed record CatalogFile(
    string Negation,
    IReadOnlyList<OrganisationEntry> Organisations,
    IReadOnlyList<string> GenericActors,
    ScopeSection Scopes,
    IReadOnlyList<TopicEntry> Topics,
    IReadOnlyList<string>? NotStatements);

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
    bool? UsesContext);

internal sealed record ValueEntry(string Value, IReadOnlyList<string>? Patterns, bool? Negated, IReadOnlyList<string>? Unless);
