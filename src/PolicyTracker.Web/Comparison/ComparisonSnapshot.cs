using System.Collections.Concurrent;
using PolicyTracker.Core.Comparison;

namespace PolicyTracker.Web.Comparison;

/// <summary>
/// The comparison of all claims, with the claims it was computed from. It never changes once built, so what the
/// pages derive from it (a finding's sides, a subject's grid facts) is worked out once and kept with it.
/// Suggestions waiting for an editor are not compared; they are kept beside the claims only to tell which
/// contradictions accepting them would add (<see cref="PossibleContradictions"/>).
/// </summary>
public sealed class ComparisonSnapshot
{
    /// <summary>How many quotes a finding's side offers as examples.</summary>
    public const int ExamplesPerSide = 4;

    private readonly ConcurrentDictionary<(string Subject, string Topic), FindingSummary> summaries = new();
    private readonly ConcurrentDictionary<string, SubjectFacts> subjects = new(StringComparer.Ordinal);

    private readonly Lazy<IReadOnlyList<PossibleContradiction>> possible;

    public ComparisonSnapshot(IReadOnlyList<ClaimFacts> claims, IReadOnlyList<ClaimFacts>? suggestions = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        Claims = claims;
        Suggestions = suggestions ?? [];
        possible = new(FindPossible);
        ById = claims.ToDictionary(c => c.Id);
        Result = ClaimComparer.Compare(claims.Select(c => new ComparableClaim(c.Id, c.Source, c.Subject, c.Topic, c.Scope, c.Value)));
        Subjects = [.. claims.GroupBy(c => c.Subject, StringComparer.Ordinal)
            .Select(g => new SubjectCount(g.Key, g.Count()))
            .OrderByDescending(s => s.Claims).ThenBy(s => s.Subject, StringComparer.Ordinal)];
        ContradictionsByKey = Result.Contradictions.ToDictionary(f => (f.Subject, f.Topic));
        Topics = [.. claims.Select(c => c.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<ClaimFacts> Claims { get; }

    /// <summary>The suggestions waiting for an editor; never part of <see cref="Result"/>.</summary>
    public IReadOnlyList<ClaimFacts> Suggestions { get; }

    /// <summary>
    /// The contradictions that accepting every suggestion waiting would add: on a subject and topic where the claims
    /// agree (or stand alone) now, in the order of <see cref="Result"/>.
    /// </summary>
    public IReadOnlyList<PossibleContradiction> PossibleContradictions => possible.Value;

    public IReadOnlyDictionary<long, ClaimFacts> ById { get; }

    public ComparisonResult Result { get; }

    /// <summary>Every subject with its number of claims, most claimed first.</summary>
    public IReadOnlyList<SubjectCount> Subjects { get; }

    public IReadOnlyDictionary<(string Subject, string Topic), ClaimFinding> ContradictionsByKey { get; }

    /// <summary>Every topic a stored claim uses, in order.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>A contradiction's values side by side, and the sources in it that disagree with themselves.</summary>
    public FindingSummary Summarize(ClaimFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return summaries.GetOrAdd((finding.Subject, finding.Topic), _ => FindingSummary.Of(finding, ById));
    }

    /// <summary>One subject's claims arranged for the Compare grid.</summary>
    public SubjectFacts ForSubject(string subject) => subjects.GetOrAdd(subject, s => SubjectFacts.Of(s, this));

    private List<PossibleContradiction> FindPossible()
    {
        if (Suggestions.Count == 0)
        {
            return [];
        }

        // Only the subjects and topics a suggestion speaks to can change, so only their claims are compared again.
        var keys = Suggestions.Select(s => (s.Subject, s.Topic)).ToHashSet();
        var pending = Suggestions.Select(s => s.Id).ToHashSet();
        var all = Claims.Where(c => keys.Contains((c.Subject, c.Topic))).Concat(Suggestions);
        return [.. ClaimComparer.Compare(all.Select(c => new ComparableClaim(c.Id, c.Source, c.Subject, c.Topic, c.Scope, c.Value)))
            .Contradictions
            .Where(f => !ContradictionsByKey.ContainsKey((f.Subject, f.Topic)))
            .Select(f => new PossibleContradiction(f, [.. f.ClaimIds.Where(pending.Contains)]))];
    }
}

/// <summary>A contradiction that would arise if <paramref name="SuggestionIds"/> were accepted.</summary>
public sealed record PossibleContradiction(ClaimFinding Finding, IReadOnlyList<long> SuggestionIds);

public sealed record SubjectCount(string Subject, int Claims);

/// <summary>One value of a contradiction: how many claims and sources give it, and a few of them to quote.</summary>
public sealed record ValueSide(string Value, int ClaimCount, int SourceCount, IReadOnlyList<long> ExampleIds);

/// <summary>A contradiction's sides, most widely held value first, and the sources that contradict themselves.</summary>
public sealed record FindingSummary(IReadOnlyList<ValueSide> Sides, IReadOnlySet<long> SelfContradictingSources)
{
    internal static FindingSummary Of(ClaimFinding finding, IReadOnlyDictionary<long, ClaimFacts> byId)
    {
        var claims = finding.ClaimIds.Select(id => byId[id]).ToList();

        // Examples take one claim per source before any source's second, so every voice is heard before any repeats.
        var sides = claims
            .GroupBy(c => c.Value, StringComparer.Ordinal)
            .Select(g => (Value: g.Key, Claims: g.ToList(), Sources: g.Select(c => c.SourceId).Distinct().Count()))
            .OrderByDescending(g => g.Sources)
            .ThenBy(g => g.Value, StringComparer.Ordinal)
            .Select(g => new ValueSide(
                g.Value,
                g.Claims.Count,
                g.Sources,
                [.. g.Claims.GroupBy(c => c.SourceId)
                    .SelectMany(s => s.OrderBy(c => c.Id).Select((c, i) => (Claim: c, Rank: i)))
                    .OrderBy(x => x.Rank).ThenBy(x => x.Claim.Id)
                    .Take(ComparisonSnapshot.ExamplesPerSide)
                    .Select(x => x.Claim.Id)]))
            .ToList();

        var self = new HashSet<long>();
        if (finding.SameSource)
        {
            foreach (var source in claims.GroupBy(c => c.SourceId))
            {
                var pairs = source.Select(c => (c.Scope, c.Value)).Distinct().ToList();
                if (pairs.Any(a => pairs.Any(b => a.Value != b.Value && Scopes.Overlap(a.Scope, b.Scope))))
                {
                    self.Add(source.Key);
                }
            }
        }

        return new FindingSummary(sides, self);
    }
}

/// <summary>
/// One subject's claims for the Compare grid: by topic and source, how many claims each source makes, and per
/// topic how many sources give each value and which claims are disputed.
/// </summary>
public sealed class SubjectFacts
{
    private SubjectFacts(
        IReadOnlyDictionary<long, int> claimsPerSource,
        IReadOnlyDictionary<long, string> sourceNames,
        IReadOnlyDictionary<(string Topic, long SourceId), IReadOnlyList<ClaimFacts>> cells,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> sourcesPerValue,
        IReadOnlyDictionary<string, IReadOnlySet<long>> disputed,
        IReadOnlyList<string> topics)
    {
        ClaimsPerSource = claimsPerSource;
        SourceNames = sourceNames;
        Cells = cells;
        SourcesPerValue = sourcesPerValue;
        Disputed = disputed;
        Topics = topics;
    }

    public IReadOnlyDictionary<long, int> ClaimsPerSource { get; }

    public IReadOnlyDictionary<long, string> SourceNames { get; }

    public IReadOnlyDictionary<(string Topic, long SourceId), IReadOnlyList<ClaimFacts>> Cells { get; }

    /// <summary>Per topic: each value and how many sources give it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> SourcesPerValue { get; }

    /// <summary>Per disputed topic: the claims that take part in the contradiction.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<long>> Disputed { get; }

    /// <summary>The topics this subject's claims use, in order.</summary>
    public IReadOnlyList<string> Topics { get; }

    internal static SubjectFacts Of(string subject, ComparisonSnapshot snapshot)
    {
        var facts = snapshot.Claims.Where(c => c.Subject == subject).ToList();
        var byTopic = facts.GroupBy(c => c.Topic, StringComparer.Ordinal).ToList();
        return new SubjectFacts(
            facts.GroupBy(c => c.SourceId).ToDictionary(g => g.Key, g => g.Count()),
            facts.GroupBy(c => c.SourceId).ToDictionary(g => g.Key, g => g.First().Source),
            facts.GroupBy(c => (c.Topic, c.SourceId)).ToDictionary(g => g.Key, g => (IReadOnlyList<ClaimFacts>)[.. g.OrderBy(c => c.Id)]),
            byTopic.ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, int>)g.GroupBy(c => c.Value, StringComparer.Ordinal)
                    .ToDictionary(v => v.Key, v => v.Select(c => c.SourceId).Distinct().Count(), StringComparer.Ordinal),
                StringComparer.Ordinal),
            byTopic
                .Where(g => snapshot.ContradictionsByKey.ContainsKey((subject, g.Key)))
                .ToDictionary(g => g.Key, g => (IReadOnlySet<long>)snapshot.ContradictionsByKey[(subject, g.Key)].ClaimIds.ToHashSet(), StringComparer.Ordinal),
            [.. byTopic.Select(g => g.Key).Order(StringComparer.Ordinal)]);
    }
}
