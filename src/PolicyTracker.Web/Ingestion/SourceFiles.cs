using PolicyTracker.Core.Sources;

namespace PolicyTracker.Web.Ingestion;

/// <summary>Which files in a folder are sources: those whose extension a reader handles.</summary>
public static class SourceFiles
{
    /// <summary>Every readable file under <paramref name="directory"/>, recursively, in a stable order.</summary>
    public static IReadOnlyList<string> Under(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(path => SourceReader.FormatFor(path) is not null)
            .Order(StringComparer.Ordinal)];
}
