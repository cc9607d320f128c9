using PolicyTracker.Core.Versions;

namespace PolicyTracker.Core.Comparison;

/// <summary>
/// Everything the comparison says about one subject and topic: the verdict on its current claims, the sides that
/// verdict rests on, which sources contradict themselves, what agrees, and how its sources changed over time. Pages,
/// exports and the API present it; none of them decides any of it again.
/// </summary>
/// <remarks>
/// The claims are each source's current version only, so a source that changed its answer is never set against its
/// own older answer: the change is carried in <see cref="Changes"/>, not counted as a contradiction. What only a
/// page shows (the sides, every value, the disputed claims) is worked out on first use and then kept, since the
/// finding never changes once built.
/// </remarks>
public sealed class TopicFinding
{
    private readonly TopicOutcome outcome;
    private readonly Lazy<IReadOnlyList<Side>> sides;
    private readonly Lazy<IReadOnlyList<Side>> allSides;
    private readonly Lazy<ClaimFinding> involved;
    private readonly Lazy<IReadOnlySet<long>> disputed;

    internal TopicFinding(string subject, string topic, IReadOnlyList<ComparableClaim> claims, IReadOnlyList<ClaimChange> changes)
    {
        Subject = subject;
        Topic = topic;
        Claims = [.. claims.OrderBy(c => c.Id)];
        Changes = changes;
        outcome = ClaimComparer.CompareTopic(subject, topic, Claims);
        Verdict = outcome.Contradiction is not null ? Verdict.Disagree
            : outcome.Corroborations.Count > 0 ? Verdict.Agree
            : Claims.Count > 1 ? Verdict.OtherScope
            : Verdict.Alone;
        involved = new(() => Verdict switch
        {
            Verdict.Disagree => outcome.Contradiction!,
            Verdict.Agree => ClaimFinding.Of(Subject, Topic, Agreeing, outcome.Corroborations.All(c => c.SameSource)),
            _ => ClaimFinding.Of(Subject, Topic, Claims, Claims.Select(c => c.SourceId).Distinct().Count() == 1),
        });
        disputed = new(() => outcome.Contradiction?.ClaimIds.ToHashSet() ?? []);
        sides = new(() => Side.Of(Verdict switch
        {
            Verdict.Disagree => Claims.Where(c => Disputed.Contains(c.Id)),
            Verdict.Agree => Agreeing,
            _ => Claims,
        }));
        allSides = new(() => Side.Of(Claims));
    }

    /// <summary>The organisation the claims are about.</summary>
    public string Subject { get; }

    /// <summary>The catalog topic.</summary>
    public string Topic { get; }

    /// <summary>What the current claims come to.</summary>
    public Verdict Verdict { get; }

    /// <summary>
    /// The values the verdict rests on, the most widely held first: for <see cref="Verdict.Disagree"/> those of the
    /// claims in a disagreeing pair, for <see cref="Verdict.Agree"/> the values claims agree on, otherwise every value.
    /// </summary>
    public IReadOnlyList<Side> Sides => sides.Value;

    /// <summary>The changes between versions of its sources on this subject and topic, oldest first.</summary>
    public IReadOnlyList<ClaimChange> Changes { get; }

    /// <summary>Every current claim on the subject and topic, by id.</summary>
    public IReadOnlyList<ComparableClaim> Claims { get; }

    /// <summary>Every value a current claim gives, with all its claims, the most widely held first.</summary>
    public IReadOnlyList<Side> AllSides => allSides.Value;

    /// <summary>The claims the verdict rests on (those of <see cref="Sides"/>) in the flat form the API and JSON export write.</summary>
    public ClaimFinding Involved => involved.Value;

    /// <summary>Per value, the claims in an agreeing pair: a topic can be disputed and still have corroborated values.</summary>
    public IReadOnlyList<ClaimFinding> Corroborations => outcome.Corroborations;

    /// <summary>The claims that take part in a disagreement; empty unless <see cref="Verdict.Disagree"/>.</summary>
    public IReadOnlySet<long> Disputed => disputed.Value;

    /// <summary>The sources that give different values for overlapping scopes themselves.</summary>
    public IReadOnlySet<long> SelfContradictingSources => outcome.SelfContradictingSources;

    /// <summary>At least one source contradicts itself here.</summary>
    public bool SelfContradiction => outcome.SelfContradictingSources.Count > 0;

    /// <summary>A source's answer on this subject and topic changed between its versions.</summary>
    public bool ChangedOverTime => Changes.Count > 0;

    private IEnumerable<ComparableClaim> Agreeing
    {
        get
        {
            var ids = outcome.Corroborations.SelectMany(c => c.ClaimIds).ToHashSet();
            return Claims.Where(c => ids.Contains(c.Id));
        }
    }

    /// <summary>
    /// How every other current claim on the subject and topic stands to <paramref name="claim"/>, disagreement first,
    /// then by id. The claim itself need not be one of them (a suggestion is compared with the claims too).
    /// </summary>
    public IReadOnlyList<RelatedClaim> RelationsTo(ComparableClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return
        [
            .. Claims
                .Where(c => c.Id != claim.Id)
                .Select(c => new RelatedClaim(c, ClaimRelations.Between(claim, c)))
                .OrderBy(r => r.Relation)
                .ThenBy(r => r.Claim.Id),
        ];
    }
}
