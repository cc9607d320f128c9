namespace PolicyTracker.BrowserTests.Infrastructure;

/// <summary>The real policy histories recorded in tests/versions, for the tests that need official policies and changes.</summary>
public static class PolicyHistories
{
    /// <summary>
    /// Every version of each recorded policy history beside the seed articles, so official policies, disputes and
    /// changes over time show. Lovable's is left to the version journey, which counts its versions. Ingesting again
    /// changes nothing: each file is then the same bytes as its version.
    /// </summary>
    public static async Task IngestAsync(RunningApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folders = Directory.GetDirectories(Path.Combine(RunningApp.RepositoryRoot, "tests", "versions"))
            .Where(f => Path.GetFileName(f) != "lovable-privacy-policy")
            .Order(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder);
            foreach (var file in Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal))
            {
                await app.IngestAsync(file, "--source", name, "--observed", Path.GetFileName(file)[..10]);
            }
        }
    }
}
