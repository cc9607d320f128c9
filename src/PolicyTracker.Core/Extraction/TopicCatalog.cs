using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyTracker.Core.Extraction.Relations;

namespace PolicyTracker.Core.Extraction;

/// <summary>The kinds of value a topic takes (CLAIMS.md, "Value kinds").</summary>
public enum ValueKind
{
    /// <summary><c>opt-in</c> or <c>opt-out</c>.</summary>
    Stance,

    /// <summary><c>yes</c> or <c>no</c>.</summary>
    YesNo,

    /// <summary>ISO-8601 days such as <c>P30D</c>, or <c>account-lifetime</c>.</summary>
    Duration,

    /// <summary><c>YYYY-MM-DD</c> or <c>YYYY-MM</c>.</summary>
    Date,

    /// <summary>A short canonical token such as <c>AES-256</c>.</summary>
    Text,

    /// <summary><c>past-and-future</c> or <c>future-only</c>.</summary>
    Timing,
}

/// <summary>A topic of the catalog: its key, the kind of value it takes and the question it answers.</summary>
public sealed record TopicDefinition(string Key, ValueKind ValueKind, string Question);

/// <summary>
/// One way of reading a topic's value: when one of the patterns holds, none of the <see cref="Unless"/> patterns
/// does, and the trigger's negation is as given, the topic takes <see cref="Value"/>.
/// </summary>
internal sealed record ValueRule(string Value, IReadOnlyList<Regex> Patterns, bool? Negated, IReadOnlyList<Regex> Unless);

/// <summary>
/// A topic with its compiled patterns. <see cref="Match"/>[0] is the trigger, which the statement itself must
/// contain; the other match patterns may be found in its context when <see cref="UsesContext"/> is set.
/// <see cref="Gate"/>, when given, is a cheap pattern tried first, over the statement and its context.
/// </summary>
internal sealed record TopicRule(
    TopicDefinition Definition,
    Regex? Gate,
    IReadOnlyList<Regex> Match,
    IReadOnlyList<Regex> Exclude,
    IReadOnlyList<ValueRule> Values,
    bool UsesContext,
    TopicRelation Relation);

/// <summary>An organisation and the names (company and product) that refer to it.</summary>
internal sealed record Organisation(string Subject, IReadOnlyList<string> Names);

/// <summary>A scope and the patterns that name it.</summary>
internal sealed record ScopeRule(string Scope, Regex Pattern);

/// <summary>
/// The topics the extractor looks for, with their patterns, the organisations it knows and the words that
/// name each scope. It is data shipped with the app (<c>catalog/topics.json</c>), so topics and patterns can
/// be added without a code change.
/// </summary>
public sealed class TopicCatalog
{
    /// <summary>Where the built-in catalog lies, relative to the application folder.</summary>
    public const string DefaultRelativePath = "catalog/topics.json";

    private const RegexOptions PatternOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<TopicCatalog> BuiltIn =
        new(() => LoadFile(Path.Combine(AppContext.BaseDirectory, DefaultRelativePath)));

    private readonly RegexOptions options;

    private readonly Lazy<TopicCatalog>? interpreted;

    private TopicCatalog(CatalogFile file, bool compiled)
    {
        options = compiled ? PatternOptions | RegexOptions.Compiled : PatternOptions;
        interpreted = compiled ? new Lazy<TopicCatalog>(() => new TopicCatalog(file, compiled: false)) : null;
        var negation = file.Negation;
        Negation = Compile(negation);
        Organisations = [.. file.Organisations.Select(o => new Organisation(o.Subject, o.Names))];
        OrganisationNames = NamesPattern(Organisations);
        OrganisationByName = ByName(Organisations);
        OrganisationNameOrder = [.. Organisations.SelectMany(o => o.Names.OrderByDescending(n => n.Length).Select(n => (Name: n, o.Subject)))];
        OrganisationScanner = PhraseScanner.Create([.. OrganisationNameOrder.Select(n => n.Name)], wholeWords: true);
        GenericActors = [.. file.GenericActors.Select(Compile)];
        NotStatements = [.. (file.NotStatements ?? []).Select(Compile)];
        DefaultScope = file.Scopes.Default;
        ScopeRules = [.. file.Scopes.Rules.SelectMany(r => r.Patterns.Select(p => new ScopeRule(r.Scope, Compile(p))))];
        Relations = RelationLexicon.From(file.Relations, Compile);
        Rules = [.. file.Topics.Select(t => ToRule(t, negation))];
        Topics = [.. Rules.Select(r => r.Definition)];
        Prefilter = new TopicPrefilter([.. file.Topics.Select(t => t.Keywords ?? [])]);
        if (compiled)
        {
            WarmUp();
        }
    }

    /// <summary>The built-in catalog, read once from the application folder.</summary>
    public static TopicCatalog Default => BuiltIn.Value;

    /// <summary>The catalog's topics, in catalog order.</summary>
    public IReadOnlyList<TopicDefinition> Topics { get; }

    /// <summary>The kind of value <paramref name="topic"/> takes, or null when the catalog has no such topic.</summary>
    public ValueKind? KindOf(string topic) => Topics.FirstOrDefault(t => t.Key == topic)?.ValueKind;

    /// <summary>The scope of a statement that names none.</summary>
    public string DefaultScope { get; }

    internal Regex Negation { get; }

    internal IReadOnlyList<Organisation> Organisations { get; }

    /// <summary>Every organisation's names in one pattern; group N+1 matches organisation N.</summary>
    internal Regex OrganisationNames { get; }

    /// <summary>Every organisation's names in the order <see cref="OrganisationNames"/> tries them, with their subject.</summary>
    internal IReadOnlyList<(string Name, string Subject)> OrganisationNameOrder { get; }

    /// <summary>The same search as <see cref="OrganisationNames"/>, faster; null when the names do not allow it.</summary>
    internal PhraseScanner? OrganisationScanner { get; }

    /// <summary>The subject each name stands for, whatever its case; the first organisation listing a name has it.</summary>
    internal Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> OrganisationByName { get; }

    internal IReadOnlyList<Regex> GenericActors { get; }

    /// <summary>Sentences that describe the document itself ("This article explains ..."), never a practice.</summary>
    internal IReadOnlyList<Regex> NotStatements { get; }

    internal IReadOnlyList<ScopeRule> ScopeRules { get; }

    internal IReadOnlyList<TopicRule> Rules { get; }

    internal TopicPrefilter Prefilter { get; }

    /// <summary>The words that tell who does what to whose data.</summary>
    internal RelationLexicon Relations { get; }

    /// <summary>
    /// The same catalog with its patterns run by the regular-expression interpreter instead of compiled code, made
    /// when first asked for; null for a catalog that is interpreted already. The compiled engine is three times
    /// faster, but on some inputs it has thrown <see cref="IndexOutOfRangeException"/> from inside a match (.NET 10,
    /// the purpose patterns of <c>training.default</c> on a table row); the interpreter is the reference engine and
    /// reads those inputs correctly, so a document that trips the compiled one is read again with this one.
    /// </summary>
    internal TopicCatalog? Interpreted => interpreted?.Value;

    /// <summary>Reads a catalog file; a malformed file or pattern fails with the reason and the topic it is in.</summary>
    public static TopicCatalog LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a catalog from JSON.</summary>
    public static TopicCatalog Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<CatalogFile>(json, JsonOptions)
            ?? throw new InvalidDataException("the topic catalog is empty");
        return new TopicCatalog(file, compiled: true);
    }

    private TopicRule ToRule(TopicEntry topic, string negation)
    {
        if (!Enum.TryParse<ValueKind>(topic.Kind, ignoreCase: true, out var kind))
        {
            throw new InvalidDataException($"topic {topic.Key}: unknown value kind '{topic.Kind}'");
        }

        if (topic.Match.Count == 0)
        {
            throw new InvalidDataException($"topic {topic.Key}: at least one match pattern is needed");
        }

        try
        {
            return new TopicRule(
                new TopicDefinition(topic.Key, kind, topic.Question),
                topic.Gate is null ? null : Compile(topic.Gate),
                [.. topic.Match.Select(Compile)],
                [.. (topic.Exclude ?? []).Select(Compile)],
                [.. (topic.Values ?? []).Select(v => new ValueRule(
                    v.Value,
                    [.. (v.Patterns ?? []).Select(p => Compile(p.Replace("{neg}", negation, StringComparison.Ordinal)))],
                    v.Negated,
                    [.. (v.Unless ?? []).Select(Compile)]))],
                topic.UsesContext ?? true,
                TopicRelation.From(topic.Relation, Compile));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"topic {topic.Key}: bad pattern: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"topic {topic.Key}: {e.Message}", e);
        }
    }

    private static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByName(IReadOnlyList<Organisation> organisations)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var organisation in organisations)
        {
            foreach (var name in organisation.Names)
            {
                byName.TryAdd(name, organisation.Subject);
            }
        }

        return byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every pattern of the catalog: lexicons, scopes, and each topic's gate, matches, exclusions, values and relation.</summary>
    internal IEnumerable<Regex> AllPatterns() =>
    [
        Negation, OrganisationNames, .. GenericActors, .. NotStatements, .. ScopeRules.Select(r => r.Pattern), .. Relations.Patterns,
        .. Rules.SelectMany(r => (IEnumerable<Regex>)[
            .. r.Gate is null ? [] : new[] { r.Gate }, .. r.Match, .. r.Exclude,
            .. r.Values.SelectMany(v => v.Patterns.Concat(v.Unless)), .. r.Relation.Patterns]),
    ];

    /// <summary>
    /// Runs every pattern once. A compiled pattern becomes machine code only when first run, and that first run
    /// counts against its timeout: on a busy machine, compiling a large pattern alone has exceeded the second
    /// and failed a document that matches in microseconds. Run here, the compilation is out of the way.
    /// </summary>
    private void WarmUp()
    {
        foreach (var pattern in AllPatterns())
        {
            try
            {
                pattern.IsMatch(WarmUpText);
            }
            catch (RegexMatchTimeoutException)
            {
                // Compiled all the same; only this run was too slow.
            }
        }
    }

    // Common words of the statements the patterns look for, so that most patterns find a place to try a match
    // and compile all their parts.
    private const string WarmUpText =
        "Anthropic: you can opt out; we do not use your chats to train or improve models by default. "
        + "Free, Pro, API and enterprise users: data is kept for 30 days, deleted within 5 years, encrypted (AES-256, TLS).";

    private Regex Compile(string pattern) => new(pattern, options, TimeSpan.FromSeconds(1));

    // Longest names first within each organisation, so "Meta AI" wins over "Meta"; product names count as
    // their company.
    private Regex NamesPattern(IReadOnlyList<Organisation> organisations) =>
        Compile(@"(?<![\w-])(?:" + string.Join('|', organisations.Select(o =>
            "(" + string.Join('|', o.Names.OrderByDescending(n => n.Length).Select(Regex.Escape)) + ")")) + @")(?![\w-])");
}
