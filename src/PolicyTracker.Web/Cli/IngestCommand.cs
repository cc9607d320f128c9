using Microsoft.Extensions.Options;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Cli;

/// <summary>
/// <c>ingest PATH... [--source NAME] [--observed YYYY-MM-DD]</c>: one line per file, and exit code 1 when any file did
/// not make it.
/// </summary>
internal sealed class IngestCommand : ICommand
{
    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string> { "--source", "--observed" };

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public bool NeedsDatabase => true;

    public string? Check(CommandArguments args) =>
        args.Positional.Count == 0 ? "name at least one file or folder"
        : IngestAs.CheckSource(args.Value("--source")) is { } badName ? $"--source: {badName}"
        : args.Value("--observed") is { } observed && !TryParseDay(observed, out _) ? $"--observed: '{observed}' is not a date written YYYY-MM-DD"
        : null;

    private static bool TryParseDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day);

    public async Task<int> RunAsync(CommandArguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var ingestor = services.GetRequiredService<SourceIngestor>();
        var logger = services.GetRequiredService<ILogger<IngestCommand>>();
        var limit = services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxFileBytes;
        var failed = false;
        var target = new IngestAs(
            args.Value("--source"),
            args.Value("--observed") is { } observed && TryParseDay(observed, out var day) ? day : null);

        // One run reads each file at most once, and takes each file name from one path only (IngestRun).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var run = new IngestRun(target);
        foreach (var path in args.Positional)
        {
            // A folder contributes only the files a reader handles and names the others it skipped; a file named
            // explicitly is always tried, so an unknown extension gets refused with its reason.
            IEnumerable<SourceFile> files;
            if (Directory.Exists(path))
            {
                files = SourceFiles.Under(path, seen);
            }
            else if (File.Exists(path))
            {
                files = [SourceFiles.Named(path, seen)];
            }
            else
            {
                await output.WriteLineAsync($"refused {path}: no such file or folder");
                failed = true;
                continue;
            }

            // The listing is lazy: each file is ingested as soon as it is found.
            foreach (var file in files)
            {
                if (file.Skipped is not null)
                {
                    await output.WriteLineAsync($"skipped {file.Path}: {file.Skipped}");
                    continue;
                }

                var name = Path.GetFileName(file.Path);
                if (run.SameNameAsEarlier(file.Path, name) is { } sameName)
                {
                    await output.WriteLineAsync(sameName.Line);
                    failed = true;
                    continue;
                }

                var line = await IngestOrReportAsync(ingestor, logger, file.Path, target, limit, ct);
                failed |= line.Failed;
                if (line.Outcome is { } outcome)
                {
                    run.Record(file.Path, name, outcome);
                }

                await output.WriteLineAsync(line.Text);
            }
        }

        return failed ? CommandLine.Failure : CommandLine.Success;
    }

    /// <summary>A file's line, whether it failed, and what the ingest did when it got that far.</summary>
    private static async Task<(string Text, bool Failed, IngestOutcome? Outcome)> IngestOrReportAsync(
        SourceIngestor ingestor, ILogger logger, string path, IngestAs target, long limit, CancellationToken ct)
    {
        try
        {
            return await IngestFileAsync(ingestor, path, target, limit, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The ingest rolled back, so the other files can still go in; the log file keeps the stack trace.
            logger.LogError(ex, "Ingest of {Source} failed", path);
            return ($"failed {Path.GetFileName(path)}: {ex.Message}", true, null);
        }
    }

    private static async Task<(string Text, bool Failed, IngestOutcome? Outcome)> IngestFileAsync(
        SourceIngestor ingestor, string path, IngestAs target, long limit, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            // Checked before reading so an oversized file is never loaded into memory.
            var length = new FileInfo(path).Length;
            if (length > limit)
            {
                var tooBig = new IngestOutcome.Rejected(name, IngestOutcome.Rejected.TooBig(length, limit));
                return (tooBig.Line, true, tooBig);
            }

            bytes = await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var unreadable = new IngestOutcome.Rejected(name, $"cannot read the file: {ex.Message}");
            return (unreadable.Line, true, unreadable);
        }

        var outcome = await ingestor.IngestAsync(name, bytes, target, ct);
        return (outcome.Line, !outcome.Stored, outcome);
    }
}
