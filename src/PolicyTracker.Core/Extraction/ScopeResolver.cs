using PolicyTracker.Core.Comparison;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// Decides whose data a statement speaks of, from the plans it names; failing that from its context, then
/// its heading, then the catalog's default. Naming both individual and business plans means everyone.
/// </summary>
internal sealed class ScopeResolver(TopicCatalog catalog)
{
    private static readonly HashSet<string> Individual = [Scopes.Consumer, Scopes.Free, Scopes.Pro];

    /// <summary>The scope named in <paramref name="text"/>, with the span of its first mention; null when none.</summary>
    public (string Scope, int Index, int Length)? Find(string text)
    {
        var found = new List<(string Scope, int Index, int Length)>();
        foreach (var rule in catalog.ScopeRules)
        {
            var match = rule.Pattern.Match(text);
            if (match.Success)
            {
                found.Add((rule.Scope, match.Index, match.Length));
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        var first = found.MinBy(f => f.Index);
        var scopes = found.Select(f => f.Scope).ToHashSet();
        if (scopes.Contains(Scopes.All) || (scopes.Overlaps(Individual) && !scopes.IsSubsetOf(Individual)))
        {
            return (Scopes.All, first.Index, first.Length);
        }

        if (scopes.IsSubsetOf(Individual) && scopes.Count > 1)
        {
            return (Scopes.Consumer, first.Index, first.Length);
        }

        return first;
    }
}
