using PolicyTracker.Core.Comparison;

namespace PolicyTracker.Web.Comparison;

/// <summary>The words a provider matrix cell is written in, on the Providers page, in the HTML report and in Markdown.</summary>
public static class MatrixWords
{
    public const string Official = "Official";

    public const string Disputed = "≠ Disputed";

    public const string SelfContradiction = "Contradicts itself";

    public const string ChangedRecently = "changed recently";

    public const string NoStatement = "no statement found";

    /// <summary>"1 of 2 sources": how many of the sources stating the topic give the shown value.</summary>
    public static string Agreeing(MatrixCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return $"{cell.Agreeing} of {cell.SourceCount} {(cell.SourceCount == 1 ? "source" : "sources")}";
    }

    /// <summary>Whose word another value is: "Also official" or "Articles/guides".</summary>
    public static string OtherSource(MatrixValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Official ? "Also official" : "Articles/guides";
    }
}
