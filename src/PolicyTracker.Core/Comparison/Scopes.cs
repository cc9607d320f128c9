namespace PolicyTracker.Core.Comparison;

/// <summary>The scopes of CLAIMS.md and which of them overlap.</summary>
public static class Scopes
{
    /// <summary>Every plan.</summary>
    public const string All = "all";

    /// <summary>Individual plans: free and pro together.</summary>
    public const string Consumer = "consumer";

    /// <summary>The free individual plan.</summary>
    public const string Free = "free";

    /// <summary>Paid individual plans.</summary>
    public const string Pro = "pro";

    /// <summary>Business, team, enterprise and work plans.</summary>
    public const string Commercial = "commercial";

    /// <summary>The developer API.</summary>
    public const string Api = "api";

    /// <summary>Government offerings.</summary>
    public const string Government = "government";

    /// <summary>All scopes, broadest first.</summary>
    public static IReadOnlyList<string> Known { get; } = [All, Consumer, Free, Pro, Commercial, Api, Government];

    /// <summary>
    /// True when the two scopes can describe the same people's data: <c>all</c> overlaps every scope,
    /// <c>consumer</c> overlaps <c>free</c> and <c>pro</c>, every other scope only itself.
    /// </summary>
    public static bool Overlap(string a, string b)
    {
        if (a == b || a == All || b == All)
        {
            return true;
        }

        return (a, b) is (Consumer, Free) or (Consumer, Pro) or (Free, Consumer) or (Pro, Consumer);
    }
}
