using Microsoft.Extensions.Options;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Cli;

/// <summary><c>ingest PATH...</c>: one line per file, and exit code 1 when any file did not make it.</summary>
internal sealed class IngestCommand : ICommand
{
    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string>();

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public bool NeedsDatabase => true;

    public string? Check(CommandArguments args) =>
        args.Positional.Count == 0 ? "name at least one file or folder" : null;

    public async Task<int> RunAsync(CommandArguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var ingestor = services.GetRequiredService<SourceIngestor>();
        var logger = services.GetRequiredService<ILogger<IngestCommand>>();
        var limit = services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxFileBytes;
        var failed = false;
        foreach (var path in args.Positional)
        {
            // A folder contributes only the files a reader handles; a file named explicitly is always tried,
            // so an unknown extension gets refused with its reason rather than silently skipped.
            IReadOnlyList<string> files;
            if (Directory.Exists(path))
            {
                files = SourceFiles.Under(path);
            }
            else if (File.Exists(path))
            {
                files = [path];
            }
            else
            {
                await output.WriteLineAsync($"refused {path}: no such file or folder");
                failed = true;
                continue;
            }

            foreach (var file in files)
            {
                var line = await IngestOrReportAsync(ingestor, logger, file, limit, ct);
                failed |= line.Failed;
                await output.WriteLineAsync(line.Text);
            }
        }

        return failed ? CommandLine.Failure : CommandLine.Success;
    }

    private static async Task<(string Text, bool Failed)> IngestOrReportAsync(
        SourceIngestor ingestor, ILogger logger, string path, long limit, CancellationToken ct)
    {
        try
        {
            return await IngestFileAsync(ingestor, path, limit, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The ingest rolled back, so the other files can still go in; the log file keeps the stack trace.
            logger.LogError(ex, "Ingest of {Source} failed", path);
            return ($"failed {Path.GetFileName(path)}: {ex.Message}", true);
        }
    }

    private static async Task<(string Text, bool Failed)> IngestFileAsync(SourceIngestor ingestor, string path, long limit, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            // Checked before reading so an oversized file is never loaded into memory.
            var length = new FileInfo(path).Length;
            if (length > limit)
            {
                return ($"refused {name}: file too big: {length} bytes, the limit is {limit}", true);
            }

            bytes = await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ($"refused {name}: cannot read the file: {ex.Message}", true);
        }

        var outcome = await ingestor.IngestAsync(name, bytes, ct);
        return outcome switch
        {
            IngestOutcome.Added a => ($"added {a.FileName}: {a.ClaimCount} claims", false),
            IngestOutcome.Replaced r => ($"replaced {r.FileName}: version {r.Version}, {r.ClaimCount} claims", false),
            IngestOutcome.Unchanged u => ($"unchanged {u.FileName}: same bytes as already ingested", false),
            IngestOutcome.Rejected r => ($"refused {r.FileName}: {r.Reason}", true),
            _ => throw new InvalidOperationException($"unexpected outcome {outcome}"),
        };
    }
}
