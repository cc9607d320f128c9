using PolicyTracker.Web.Export;

namespace PolicyTracker.Web.Cli;

/// <summary><c>export --format json [--out FILE]</c>.</summary>
internal sealed class ExportCommand : ICommand
{
    private const string Json = "json";

    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string> { "--format", "--out" };

    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    public bool NeedsDatabase => true;

    public string? Check(CommandArguments args)
    {
        if (args.Positional.Count > 0)
        {
            return $"unexpected argument '{args.Positional[0]}'";
        }

        var format = args.Value("--format") ?? Json;
        return format == Json ? null : $"unknown format '{format}'; the formats are: {Json}";
    }

    public async Task<int> RunAsync(CommandArguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var exporter = services.GetRequiredService<JsonExporter>();
        var path = args.Value("--out");
        if (path is null)
        {
            await using var stream = new TextWriterStream(output);
            await exporter.ExportAsync(stream, ct);
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
        await using (var file = File.Create(partial))
        {
            await exporter.ExportAsync(file, ct);
        }

        File.Move(partial, path, overwrite: true);
        await output.WriteLineAsync($"exported to {path}");
        return CommandLine.Success;
    }
}
