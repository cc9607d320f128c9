using System.Collections.Concurrent;
using PolicyTracker.Core.Versions;

namespace PolicyTracker.Core.Comparison;

/// <summary>
/// The comparison of a set of claims, built once: per subject and topic who agrees, who disagrees, which source
/// contradicts itself, which claims speak of other scopes and what changed between versions of a source. Every
/// page, export and API answer presents this model and decides nothing itself.
/// </summary>
/// <remarks>
/// It never changes once built, so what the views derive from it (a finding's sides, a subject's grid) is worked out
/// on first use and kept with it. Suggestions waiting for an editor are not compared; they are kept beside the
/// claims only to tell which contradictions accepting them would add (<see cref="PossibleContradictions"/>).
/// </remarks>
public sealed class ComparisonModel
{
    private readonly Dictionary<(string Subject, string Topic), TopicFinding> byKey;
    private readonly Dictionary<string, List<ComparableClaim>> claimsBySubject;
    private readonly ConcurrentDictionary<string, SubjectGrid> grids = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<PossibleContradiction>> possible;

    private ComparisonModel(IReadOnlyList<ComparableClaim> claims, IReadOnlyList<ClaimChange> changes, IReadOnlyList<ComparableClaim> suggestions)
    {
        Claims = claims;
        Suggestions = suggestions;
        ById = claims.ToDictionary(c => c.Id);

        var changesByKey = changes
            .GroupBy(c => (c.Subject, c.Topic))
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<ClaimChange>)[.. g.OrderBy(c => c.ToObserved).ThenBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.Scope, StringComparer.Ordinal)]);
        var claimGroups = ClaimComparer.ByTopic(claims).ToDictionary(g => g.Key, g => g.Value);

        // A topic whose claims are all gone but whose sources changed still has something to say: that it changed.
        Findings = [.. claimGroups.Keys.Union(changesByKey.Keys)
            .OrderBy(k => k.Subject, StringComparer.Ordinal)
            .ThenBy(k => k.Topic, StringComparer.Ordinal)
            .Select(k => new TopicFinding(k.Subject, k.Topic, claimGroups.GetValueOrDefault(k) ?? [], changesByKey.GetValueOrDefault(k) ?? []))];
        byKey = Findings.ToDictionary(f => (f.Subject, f.Topic));
        Changes = [.. changes
            .OrderByDescending(c => c.ToObserved)
            .ThenBy(c => c.Source, StringComparer.Ordinal)
            .ThenBy(c => c.Subject, StringComparer.Ordinal)
            .ThenBy(c => c.Topic, StringComparer.Ordinal)
            .ThenBy(c => c.Scope, StringComparer.Ordinal)];
        Contradictions = [.. Findings.Where(f => f.Verdict == Verdict.Disagree)];
        Corroborations = [.. Findings.SelectMany(f => f.Corroborations)];

        claimsBySubject = claims.GroupBy(c => c.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Subjects = [.. claimsBySubject
            .Select(g => new SubjectCount(g.Key, g.Value.Count))
            .OrderByDescending(s => s.Claims).ThenBy(s => s.Subject, StringComparer.Ordinal)];
        Topics = [.. claims.Select(c => c.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        possible = new(() => PossibleContradiction.Find(Claims, Suggestions, (subject, topic) => IsDisputed(subject, topic)));
    }

    /// <summary>
    /// Compares <paramref name="claims"/> (each source's current version only), attaching <paramref name="changes"/>
    /// (the typed changes between versions of the sources) to their subjects and topics.
    /// </summary>
    /// <param name="claims">The claims to compare.</param>
    /// <param name="changes">The changes between versions of the sources; empty until versions are compared.</param>
    /// <param name="suggestions">Suggestions waiting for an editor: never compared, only asked what accepting them would add.</param>
    public static ComparisonModel Build(
        IReadOnlyList<ComparableClaim> claims, IReadOnlyList<ClaimChange> changes, IReadOnlyList<ComparableClaim>? suggestions = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(changes);
        return new ComparisonModel(claims, changes, suggestions ?? []);
    }

    /// <summary>Every change between versions of the sources, newest first: the order the reports list them in.</summary>
    public IReadOnlyList<ClaimChange> Changes { get; }

    /// <summary>The claims compared.</summary>
    public IReadOnlyList<ComparableClaim> Claims { get; }

    /// <summary>The suggestions waiting for an editor; never part of a finding.</summary>
    public IReadOnlyList<ComparableClaim> Suggestions { get; }

    /// <summary>The claims compared, by id.</summary>
    public IReadOnlyDictionary<long, ComparableClaim> ById { get; }

    /// <summary>Every subject and topic a claim or a change speaks to, by subject then topic.</summary>
    public IReadOnlyList<TopicFinding> Findings { get; }

    /// <summary>The findings whose claims disagree, by subject then topic.</summary>
    public IReadOnlyList<TopicFinding> Contradictions { get; }

    /// <summary>Every corroboration: per subject, topic and value, the claims agreeing on it.</summary>
    public IReadOnlyList<ClaimFinding> Corroborations { get; }

    /// <summary>Every subject with its number of claims, most claimed first.</summary>
    public IReadOnlyList<SubjectCount> Subjects { get; }

    /// <summary>Every topic a claim uses, in ordinal order.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>The contradictions that accepting every suggestion waiting would add.</summary>
    public IReadOnlyList<PossibleContradiction> PossibleContradictions => possible.Value;

    /// <summary>The finding on one subject and topic, or null when no claim or change speaks to it.</summary>
    public TopicFinding? Find(string subject, string topic) => byKey.GetValueOrDefault((subject, topic));

    /// <summary>True when claims on the subject and topic disagree.</summary>
    public bool IsDisputed(string subject, string topic) => Find(subject, topic)?.Verdict == Verdict.Disagree;

    /// <summary>One subject's findings, by topic.</summary>
    public IReadOnlyList<TopicFinding> ForSubject(string subject) => [.. Findings.Where(f => f.Subject == subject)];

    /// <summary>One subject's claims as topics against sources.</summary>
    public SubjectGrid Grid(string subject) =>
        grids.GetOrAdd(subject, s => new SubjectGrid(s, claimsBySubject.GetValueOrDefault(s) ?? [], topic => Find(s, topic)));
}

/// <summary>A subject and how many claims are about it.</summary>
public sealed record SubjectCount(string Subject, int Claims);
