using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Cli;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>
/// A fresh temp folder with its own SQLite file, data folder and (empty) seeds folder,
/// shared by the tests of one class.
/// </summary>
public class Workspace : IDisposable
{
    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "policytracker-tests", Guid.NewGuid().ToString("N"));
        DataDirectory = Path.Combine(Root, "data");
        SeedsDirectory = Path.Combine(Root, "seeds");
        FilesDirectory = Path.Combine(Root, "files");
        Directory.CreateDirectory(SeedsDirectory);
        Directory.CreateDirectory(FilesDirectory);
        ConnectionString = $"Data Source={Path.Combine(Root, "test.db")}";
    }

    public string Root { get; }

    public string DataDirectory { get; }

    public string SeedsDirectory { get; }

    public string FilesDirectory { get; }

    public string ConnectionString { get; }

    /// <summary>The real seed articles, copied beside the tests from the repository's seeds folder.</summary>
    public static string ShippedSeedsDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>The configuration that points the app at this workspace, as command-line overrides.</summary>
    public virtual IEnumerable<string> HostArgs =>
    [
        $"--ConnectionStrings:Default={ConnectionString}",
        $"--Storage:DataDirectory={DataDirectory}",
        $"--Seeds:Directory={SeedsDirectory}",
    ];

    public PolicyDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<PolicyDbContext>().UseSqlite(ConnectionString).Options);

    public string WriteFile(string name, string text) => WriteFile(name, System.Text.Encoding.UTF8.GetBytes(text));

    public string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(FilesDirectory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public Task<CliResult> RunCliAsync(params string[] args) => RunCliWithInputAsync("", args);

    /// <summary>Runs a command with <paramref name="input"/> as its standard input.</summary>
    public async Task<CliResult> RunCliWithInputAsync(string input, params string[] args)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync([.. args, .. HostArgs], reader, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// What a refused ingest must not change: every source's hash, version and text length, and the row
    /// counts, leaving out the sources named in <paramref name="excluding"/>.
    /// </summary>
    public async Task<string> SnapshotAsync(params string[] excluding)
    {
        await using var db = CreateDbContext();
        var sources = await db.Sources.Where(s => !excluding.Contains(s.FileName)).OrderBy(s => s.FileName)
            .Select(s => s.FileName + " " + s.Sha256 + " v" + s.Version + " " + s.Text.Length)
            .ToListAsync();
        var claims = await db.Claims.CountAsync(c => !excluding.Contains(c.Source!.FileName));
        var versions = await db.SourceVersions.CountAsync(v => !excluding.Contains(v.Source!.FileName));
        return $"{string.Join("\n", sources)}\nclaims {claims}\nversions {versions}";
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        // Pooled connections keep the file open; release them before removing the folder.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being flushed is not worth failing a test run over; the folder is in temp.
        }
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
