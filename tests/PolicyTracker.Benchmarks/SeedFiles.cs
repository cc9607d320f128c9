namespace PolicyTracker.Benchmarks;

/// <summary>One seed article: its file name and its text.</summary>
internal sealed record Seed(string Name, string Text);

/// <summary>Finds and reads the seed articles the corpora are built from.</summary>
internal static class SeedFiles
{
    private const string FolderName = "seeds";

    /// <summary>
    /// The seeds in <paramref name="input"/>, or in the repository's seeds folder, found by walking up from
    /// the current directory and then from the application folder.
    /// </summary>
    public static IReadOnlyList<Seed> Load(string? input)
    {
        var folder = input ?? Find(Environment.CurrentDirectory) ?? Find(AppContext.BaseDirectory)
            ?? throw new ArgumentException($"no '{FolderName}' folder above the current directory; pass --input DIR");
        if (!Directory.Exists(folder))
        {
            throw new ArgumentException($"no such folder: {folder}");
        }

        var seeds = Directory.EnumerateFiles(folder)
            .Where(f => PolicyTracker.Core.Sources.SourceReader.FormatFor(f) is not null)
            .Order(StringComparer.Ordinal)
            .Select(f => new Seed(Path.GetFileName(f), File.ReadAllText(f)))
            .Where(s => !string.IsNullOrWhiteSpace(s.Text))
            .ToList();
        return seeds.Count > 0 ? seeds : throw new ArgumentException($"no readable seed files in {folder}");
    }

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FolderName);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
