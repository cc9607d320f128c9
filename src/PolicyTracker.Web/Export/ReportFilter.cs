using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Export;

/// <summary>
/// What an export covers: claims whose subject, topic, status and source kind are each among the chosen ones
/// (an empty list allows all). The Export page reads it from the query string and the <c>export</c> command from
/// its options, in the same words: <c>subject</c>, <c>topic</c>, <c>status</c>, <c>kind</c>, each repeatable or
/// comma-separated.
/// </summary>
public sealed class ReportFilter
{
    private ReportFilter(IReadOnlyList<string> subjects, IReadOnlyList<string> topics, IReadOnlyList<ClaimStatus> statuses, IReadOnlyList<SourceKind> kinds)
    {
        Subjects = subjects;
        Topics = topics;
        Statuses = statuses;
        Kinds = kinds;
    }

    public static ReportFilter All { get; } = new([], [], [], []);

    public IReadOnlyList<string> Subjects { get; }

    public IReadOnlyList<string> Topics { get; }

    public IReadOnlyList<ClaimStatus> Statuses { get; }

    public IReadOnlyList<SourceKind> Kinds { get; }

    public bool IsEmpty => Subjects.Count == 0 && Topics.Count == 0 && Statuses.Count == 0 && Kinds.Count == 0;

    /// <summary>
    /// Reads the four lists; each value may hold several, comma-separated. Statuses and kinds are enum names in
    /// any case, with or without dashes (<c>not-applicable</c>, <c>official-policy</c>).
    /// </summary>
    public static bool TryParse(
        IEnumerable<string?> subjects,
        IEnumerable<string?> topics,
        IEnumerable<string?> statuses,
        IEnumerable<string?> kinds,
        out ReportFilter filter,
        out string? error)
    {
        filter = All;
        error = null;
        var statusList = new List<ClaimStatus>();
        foreach (var name in Split(statuses))
        {
            if (!TryName<ClaimStatus>(name, out var status))
            {
                error = $"unknown status '{name}'; the statuses are: {string.Join(", ", Enum.GetNames<ClaimStatus>())}";
                return false;
            }

            statusList.Add(status);
        }

        var kindList = new List<SourceKind>();
        foreach (var name in Split(kinds))
        {
            if (!TryName<SourceKind>(name, out var kind))
            {
                error = $"unknown source kind '{name}'; the kinds are: {string.Join(", ", Enum.GetNames<SourceKind>())}";
                return false;
            }

            kindList.Add(kind);
        }

        // Subjects are stored as lower-case slugs, so the filter is lowered once and matches whatever case was typed.
        filter = new ReportFilter(
            [.. Split(subjects).Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. Split(topics).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. statusList.Distinct().Order()],
            [.. kindList.Distinct().Order()]);
        return true;
    }

    public static ReportFilter Of(
        IEnumerable<string>? subjects = null,
        IEnumerable<string>? topics = null,
        IEnumerable<ClaimStatus>? statuses = null,
        IEnumerable<SourceKind>? kinds = null)
    {
        TryParse(subjects ?? [], topics ?? [], (statuses ?? []).Select(s => s.ToString()), (kinds ?? []).Select(k => k.ToString()), out var filter, out _);
        return filter;
    }

    /// <summary>Narrows claims to the filter; source kinds pick the sources first, from the index on their kind.</summary>
    public IQueryable<Claim> Apply(IQueryable<Claim> claims, IQueryable<Source> sources)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(sources);
        if (Subjects.Count > 0)
        {
            var subjects = Subjects;
            claims = claims.Where(c => subjects.Contains(c.Subject));
        }

        if (Topics.Count > 0)
        {
            var topics = Topics;
            claims = claims.Where(c => topics.Contains(c.Topic));
        }

        if (Statuses.Count > 0)
        {
            var statuses = Statuses;
            claims = claims.Where(c => statuses.Contains(c.Status));
        }

        if (Kinds.Count > 0)
        {
            var kinds = Kinds;
            var ofKind = sources.Where(s => kinds.Contains(s.Kind)).Select(s => s.Id);
            claims = claims.Where(c => ofKind.Contains(c.SourceId));
        }

        return claims;
    }

    public bool Includes(string subject, string topic) =>
        (Subjects.Count == 0 || Subjects.Contains(subject)) && (Topics.Count == 0 || Topics.Contains(topic));

    /// <summary>True when a claim of a source of <paramref name="kind"/> is in scope, as <see cref="Apply"/> reads it.</summary>
    public bool Includes(SourceKind kind) => Kinds.Count == 0 || Kinds.Contains(kind);

    /// <summary>The filter as query-string pairs, one per value, for links to the same export in another format.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        Subjects.Select(s => Pair("subject", s))
            .Concat(Topics.Select(t => Pair("topic", t)))
            .Concat(Statuses.Select(s => Pair("status", s.ToString())))
            .Concat(Kinds.Select(k => Pair("kind", k.ToString())));

    /// <summary>The filter in words, for the report's "generated with" line.</summary>
    public string Describe()
    {
        if (IsEmpty)
        {
            return "none (every claim)";
        }

        var parts = new List<string>();
        Add("subjects", Subjects);
        Add("topics", Topics);
        Add("statuses", Statuses.Select(s => s.ToString()));
        Add("source kinds", Kinds.Select(k => k.ToString()));
        return string.Join("; ", parts);

        void Add(string name, IEnumerable<string> values)
        {
            var list = values.ToList();
            if (list.Count > 0)
            {
                parts.Add($"{name}: {string.Join(", ", list)}");
            }
        }
    }

    private static KeyValuePair<string, string?> Pair(string key, string value) => new(key, value);

    private static IEnumerable<string> Split(IEnumerable<string?> values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool TryName<T>(string name, out T value)
        where T : struct, Enum
    {
        // Names only: Enum.TryParse would also take "3" or "1,2", which are not statuses anyone typed on purpose.
        var plain = name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), plain, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
