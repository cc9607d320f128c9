namespace PolicyTracker.Core.Comparison;

/// <summary>How the subjects of a <see cref="ProviderMatrix"/> are ordered as columns.</summary>
public enum MatrixSort
{
    /// <summary>Most claims first, then by name: the providers with most to compare come first.</summary>
    Claims,

    /// <summary>By name, in ordinal order.</summary>
    Name,
}

/// <summary>
/// Which part of the comparison a <see cref="ProviderMatrix"/> shows: the topic families and subjects chosen (an empty
/// list allows all) and the order of its columns. Which source kinds count is decided before, by which claims the
/// comparison was built from.
/// </summary>
/// <param name="Families">The topic families shown as rows (<see cref="TopicFamilies"/>); empty for all.</param>
/// <param name="Subjects">The subjects shown as columns; empty for all.</param>
/// <param name="Sort">The order of the columns.</param>
public sealed record MatrixQuery(IReadOnlyList<string> Families, IReadOnlyList<string> Subjects, MatrixSort Sort)
{
    /// <summary>Every family and subject, most claimed subject first.</summary>
    public static MatrixQuery All { get; } = new([], [], MatrixSort.Claims);

    internal bool Shows(string family) => Families.Count == 0 || Families.Contains(family, StringComparer.Ordinal);

    internal bool ShowsSubject(string subject) => Subjects.Count == 0 || Subjects.Contains(subject, StringComparer.Ordinal);
}
