using System.Text;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Tests.Sources;

/// <summary>Shared checks and inputs for the reader tests.</summary>
internal static class SourceAssert
{
    /// <summary>Every block is a trimmed, non-empty slice; blocks are in order and never overlap.</summary>
    public static void BlocksAreWellFormed(ExtractedDocument document)
    {
        var previousEnd = 0;
        foreach (var block in document.Blocks)
        {
            Assert.InRange(block.Span.Start, previousEnd, document.Text.Length);
            Assert.InRange(block.Span.End, block.Span.Start + 1, document.Text.Length);
            var visible = block.Span.Slice(document.Text);
            Assert.Equal(visible.Trim(), visible);
            if (block.Context is { } context)
            {
                Assert.InRange(context.End, context.Start + 1, document.Text.Length);
                Assert.True(context.End <= block.Span.Start, $"context of '{visible}' comes after it");
            }

            previousEnd = block.Span.End;
        }
    }

    public static ExtractedDocument Read(string fileName, string content)
    {
        var document = SourceReader.Read(fileName, Encoding.UTF8.GetBytes(content));
        BlocksAreWellFormed(document);
        return document;
    }

    public static TextBlock Single(ExtractedDocument document, string visibleText) =>
        Assert.Single(document.Blocks, b => b.Span.Slice(document.Text) == visibleText);

    public static string Slice(ExtractedDocument document, TextBlock block) => block.Span.Slice(document.Text);

    public static string? ContextOf(ExtractedDocument document, TextBlock block) => block.Context?.Slice(document.Text);

    public static string SeedPath(string prefix)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(seeds))
            {
                return Directory.GetFiles(seeds, prefix + "_*").Single();
            }
        }

        throw new DirectoryNotFoundException("seeds folder not found above the test output");
    }
}
