using System.Text.RegularExpressions;
using PolicyTracker.Core.Comparison;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// Finds the plans a text names. A statement naming several plans makes its claim for each of them.
/// </summary>
internal sealed partial class ScopeResolver(TopicCatalog catalog)
{
    private static readonly HashSet<string> Individual = [Scopes.Consumer, Scopes.Free, Scopes.Pro];

    /// <summary>
    /// The scopes named in <paramref name="text"/>, in order of first mention, each with the span of that mention;
    /// empty when none. Several individual plans together are <c>consumer</c>; "all users" is <c>all</c>.
    /// </summary>
    public IReadOnlyList<(string Scope, int Index, int Length)> Find(ReadOnlySpan<char> text)
    {
        List<(string Scope, int Index, int Length)>? found = null;
        foreach (var rule in catalog.ScopeRules)
        {
            // A plan named as one to move to ("upgrade to a Business plan") is not the plan the statement speaks of.
            var matches = rule.Pattern.EnumerateMatches(text);
            var named = false;
            var (index, length) = (0, 0);
            while (!named && matches.MoveNext())
            {
                (index, length) = (matches.Current.Index, matches.Current.Length);
                named = !MoveTo().IsMatch(text[Math.Max(0, index - 30)..index]);
            }

            if (!named)
            {
                continue;
            }

            found ??= [];
            if (!found.Any(f => f.Scope == rule.Scope && f.Index <= index))
            {
                found.RemoveAll(f => f.Scope == rule.Scope);
                found.Add((rule.Scope, index, length));
            }
        }

        if (found is null)
        {
            return [];
        }

        if (found.Any(f => f.Scope == Scopes.All))
        {
            return [found.First(f => f.Scope == Scopes.All)];
        }

        // A free or paid tier of a developer platform ("the paid plan of the API") is an API tier: the API is the scope.
        if (found.Any(f => f.Scope == Scopes.Api))
        {
            found.RemoveAll(f => f.Scope is Scopes.Free or Scopes.Pro);
        }

        var individual = found.Where(f => Individual.Contains(f.Scope)).OrderBy(f => f.Index).ToList();
        if (individual.Count > 1)
        {
            found.RemoveAll(f => Individual.Contains(f.Scope));
            found.Add((Scopes.Consumer, individual[0].Index, individual[0].Length));
        }

        return [.. found.OrderBy(f => f.Index)];
    }

    [GeneratedRegex(@"\b(?:upgrad(?:e|es|ed|ing)|switch(?:es|ed|ing)?|mov(?:e|es|ed|ing)) to (?:a |an |the |our )?$", RegexOptions.IgnoreCase)]
    private static partial Regex MoveTo();
}
