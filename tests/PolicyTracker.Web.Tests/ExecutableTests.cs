using System.Diagnostics;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests;

/// <summary>The built app run as its own process, the way a person runs it.</summary>
public sealed class ExecutableTests(Workspace workspace) : IClassFixture<Workspace>
{
    [Fact]
    public async Task Executable_Ingest_AddsFilesAndReportsRefusals()
    {
        // Arrange
        var good = workspace.WriteFile("process.txt", "A plain article.\n");
        var unknown = workspace.WriteFile("process.exe", "MZ");

        // Act
        var (exitCode, output) = await RunAsync("ingest", good, unknown);

        // Assert
        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Collection(
            lines,
            line => Assert.Matches(@"^added process\.txt: \d+ claims?$", line),
            line => Assert.StartsWith("refused process.exe: ", line, StringComparison.Ordinal));
        await using var db = workspace.CreateDbContext();
        Assert.Equal(["process.txt"], await db.Sources.Select(s => s.FileName).ToListAsync());
        Assert.True(File.Exists(Path.Combine(workspace.DataDirectory, "logs", $"policytracker-{DateTime.Now:yyyyMMdd}.log")));
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workspace.Root,
        };
        start.ArgumentList.Add(AppDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Database__Provider"] = workspace.Provider.ToString();
        start.Environment["ConnectionStrings__Default"] = workspace.ConnectionString;
        start.Environment["Storage__DataDirectory"] = workspace.DataDirectory;
        start.Environment["Seeds__Directory"] = workspace.SeedsDirectory;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(string.IsNullOrEmpty(await error), await error);
        return (process.ExitCode, await output);
    }

    /// <summary>The app's own build output, which has its runtime config beside it.</summary>
    private static string AppDll()
    {
        var configuration = typeof(ExecutableTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PolicyTracker.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        var dll = Path.Combine(folder.FullName, "src", "PolicyTracker.Web", "bin", configuration, "net10.0", "PolicyTracker.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is not built");
        return dll;
    }
}
