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
        var pipeline = services.GetRequiredService<IngestPipeline>();
        var limit = services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxFileBytes;
        var target = new IngestAs(
            args.Value("--source"),
            args.Value("--observed") is { } observed && TryParseDay(observed, out var day) ? day : null);

        // Files are read and extracted while earlier ones are stored, several to a transaction; the lines still come in
        // the listing's order, each as soon as its file is stored (IngestPipeline).
        var failed = false;
        await foreach (var report in pipeline.RunAsync(Entries(args.Positional, limit), target, ct))
        {
            failed |= report.Failed;
            await output.WriteLineAsync(report.Line);
        }

        return failed ? CommandLine.Failure : CommandLine.Success;
    }

    /// <summary>
    /// The run's entries in order. A folder contributes the files a reader handles and names the others it skipped; a
    /// file named explicitly is always tried, so an unknown extension gets refused with its reason. One run reads each
    /// file at most once; the listing is lazy, so each file is taken as soon as it is found.
    /// </summary>
    private static IEnumerable<IngestEntry> Entries(IEnumerable<string> paths, long limit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
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
                yield return new IngestNote(path, $"refused {path}: no such file or folder", Failed: true);
                continue;
            }

            foreach (var file in files)
            {
                yield return file.Skipped is { } reason
                    ? new IngestNote(file.Path, $"skipped {file.Path}: {reason}", Failed: false)
                    : new IngestFile(file.Path, SizeToRead(file.Path, limit), ct => ReadAsync(file.Path, limit, ct));
            }
        }
    }

    /// <summary>The bytes a file will hold once read: none when it is over the limit or cannot be looked at.</summary>
    private static long SizeToRead(string path, long limit)
    {
        try
        {
            var length = new FileInfo(path).Length;
            return length <= limit ? length : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static async Task<FileBytes> ReadAsync(string path, long limit, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        try
        {
            // Checked before reading so an oversized file is never loaded into memory.
            var length = new FileInfo(path).Length;
            return length > limit
                ? new FileBytes(null, new IngestOutcome.Rejected(name, IngestOutcome.Rejected.TooBig(length, limit)))
                : new FileBytes(await File.ReadAllBytesAsync(path, ct), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileBytes(null, new IngestOutcome.Rejected(name, $"cannot read the file: {ex.Message}"));
        }
    }
}
