using PolicyTracker.Web.Cli;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests;

public sealed class EvalAndHelpCommandTests(Workspace workspace) : IClassFixture<Workspace>
{
    [Fact]
    public async Task Eval_TinyGoldFile_PrintsPrecisionRecallAndF1()
    {
        // Arrange
        var folder = Path.Combine(workspace.Root, "gold-sources");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(
            Path.Combine(folder, "tiny.txt"),
            "Acme doesn't use your chats to train its models unless you explicitly opt in.\n");
        var gold = Path.Combine(workspace.Root, "gold.json");
        await File.WriteAllTextAsync(gold, """
            {
              "documents": [
                {
                  "source": "tiny.txt",
                  "claims": [
                    {
                      "subject": "acme",
                      "topic": "training.default",
                      "scope": "consumer",
                      "value": "opt-in",
                      "quote": "Acme doesn't use your chats to train its models unless you explicitly opt in."
                    }
                  ]
                }
              ]
            }
            """);

        // Act
        var result = await workspace.RunCliAsync("eval", "--gold", gold, "--sources", folder, "--verbose");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Lines, l => l.StartsWith("precision ", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("recall ", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("F1 ", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("training.default ", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("contradictions missed: ", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("missed claims: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Eval_WithoutGold_UsageErrorExitsTwo()
    {
        // Act
        var result = await workspace.RunCliAsync("eval");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--gold", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    public async Task Help_PrintsUsageExitsZero(string word)
    {
        // Arrange
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Act
        var exitCode = await CommandLine.RunAsync([word], output, error);

        // Assert
        Assert.Equal(0, exitCode);
        Assert.StartsWith("Usage: PolicyTracker.Web", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("ingest PATH...", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_UnknownOption_UsageErrorExitsTwo()
    {
        // Act
        var result = await workspace.RunCliAsync("export", "--pretty");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown option --pretty", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_InvalidConfiguration_ConfigurationErrorExitsTwo()
    {
        // Act
        var result = await workspace.RunCliAsync("export", "--Ingest:MaxFileBytes=0");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MaxFileBytes", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void IsCommand_WebHostArguments_StartsTheWebApp()
    {
        Assert.False(CommandLine.IsCommand([]));
        Assert.False(CommandLine.IsCommand(["--urls=http://localhost:5000"]));
        Assert.True(CommandLine.IsCommand(["ingest", "x.txt"]));
    }
}
