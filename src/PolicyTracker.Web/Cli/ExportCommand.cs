using PolicyTracker.Web.Export;

namespace PolicyTracker.Web.Cli;

/// <summary>
/// <c>export [--format json|csv|md|html|claimreview|pdf] [--out FILE] [--subject S] [--topic T] [--status S] [--kind K]</c>;
/// each filter option is repeatable and takes comma-separated values, as the Export page's query string does.
/// </summary>
internal sealed class ExportCommand : ICommand
{
    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string> { "--format", "--out", "--subject", "--topic", "--status", "--kind" };

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public bool NeedsDatabase => true;

    public string? Check(CommandArguments args)
    {
        if (args.Positional.Count > 0)
        {
            return $"unexpected argument '{args.Positional[0]}'";
        }

        var name = args.Value("--format") ?? "json";
        if (!ExportFormats.TryParse(name, out var format))
        {
            return $"unknown format '{name}'; the formats are: {string.Join(", ", ExportFormats.Names)}";
        }

        if (format == ExportFormat.Pdf && args.Value("--out") is null)
        {
            return "--format pdf needs --out FILE: a PDF is not text for standard output";
        }

        return Filter(args, out _, out var error) ? null : error;
    }

    public async Task<int> RunAsync(CommandArguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        // Check has accepted both already.
        if (!ExportFormats.TryParse(args.Value("--format") ?? "json", out var format) || !Filter(args, out var filter, out _))
        {
            return CommandLine.UsageError;
        }

        var exporter = services.GetRequiredService<ReportExporter>();

        var path = args.Value("--out");
        if (path is null)
        {
            await using var stream = new TextWriterStream(output);
            await exporter.WriteAsync(format, filter, stream, ct);
            await output.WriteLineAsync();
            return CommandLine.Success;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        // Written beside the target and moved into place, so a failed export never leaves half a file.
        var partial = path + ".partial";
        try
        {
            await using (var file = File.Create(partial))
            {
                await exporter.WriteAsync(format, filter, file, ct);
            }
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        File.Move(partial, path, overwrite: true);
        await output.WriteLineAsync($"exported to {path}");
        return CommandLine.Success;
    }

    private static bool Filter(CommandArguments args, out ReportFilter filter, out string? error) =>
        ReportFilter.TryParse(args.Values("--subject"), args.Values("--topic"), args.Values("--status"), args.Values("--kind"), out filter, out error);
}
