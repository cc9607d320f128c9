namespace PolicyTracker.Benchmarks;

/// <summary>
/// The console's entry point. It is not a top-level Program, because the page benchmark hosts the web app's
/// own <c>Program</c>.
/// </summary>
internal static class EntryPoint
{
    // "pages" times the analyst pages and "csv-export" the exports on a synthetic database, "server" the whole app
    // on SQLite or PostgreSQL, "large-ingest" one document at the size limit and
    // "folder-ingest" a folder of articles through the ingest command; the other commands measure extraction.
    public static async Task<int> Main(string[] args) => args switch
    {
        ["pages", .. var rest] => await Benchmark.RunAsync(rest),
        ["csv-export", .. var rest] => await ExportBenchmark.RunAsync(rest),
        ["server", .. var rest] => await ServerBenchmark.RunAsync(rest),
        ["large-ingest", .. var rest] => await LargeIngestBenchmark.RunAsync(rest),
        ["folder-ingest", .. var rest] => await FolderIngestBenchmark.RunAsync(rest),
        _ => Cli.Run(args),
    };
}
