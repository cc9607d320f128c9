using System.Globalization;

namespace PolicyTracker.Benchmarks;

/// <summary>The benchmark console: one command per benchmark, options as <c>--name value</c>.</summary>
internal static class Cli
{
    private const string Usage = """
        usage: PolicyTracker.Benchmarks <command> [options]

        commands:
          extract [--mb 50] [--input DIR] [--runs 3] [--only txt,md,html,one]
              Reads and extracts a corpus of the seed files repeated to the given size, on one thread,
              as .txt, .md and .html documents and as one big .txt document; prints MB/s and the share
              of the time spent in garbage-collection pauses.
          real [--input DIR[,DIR...]] [--runs 5]
              Reads and extracts the real policies of the gold sets (tests/gold/real-dev and real-holdout) with
              every quality feature on; prints MB/s for the corpus and each document's median time per 50 KB.
          profile [--mb 10] [--input DIR]
              Times each stage of extraction separately on the .txt corpus: reading, sentence splitting
              and each catalog pattern, to show where the time goes.
          pages [--sources 2000] [--claims 100000] [--requests 50] [--db PATH] [--only TEXT]
              Generates a synthetic database and times the analyst pages on it, in process.
          server --provider Sqlite|Postgres [--connection CS] [--claims 100000] [--workers N] [--clients 32] [--requests 25] [--skip-ingest]
                 [--ingest batched|one-by-one|compare] [--rounds 1] [--ingest-only]
              Generates ~20 KB articles, ingests them to about 100,000 claims, times the contradiction recompute,
              then loads the Claims, Compare and Contradictions pages of the app run as a server from 32 clients.
              --ingest compare times the store alone, one document per transaction and batched, each from empty.
          large-ingest --provider Sqlite|Postgres [--connection CS] [--mb 20]
              Generates one plain-text document at the size limit in which every sentence is a claim, and ingests it
              with the app's ingest command (new, then a changed version, then the same bytes), reporting time and peak memory.
          folder-ingest --provider Sqlite|Postgres [--connection CS] [--claims 100000] [--baseline DIR] [--rounds 1] [--set Key=value]
              Writes the server benchmark's articles to a folder and ingests it with the app's ingest command on a fresh
              database (and with the build in DIR, alternating), reporting documents/s, CPU, peak memory and how the
              ingest compares with reading and extraction alone.
          csv-export [--claims 100000] [--sources 2000] [--runs 3] [--db PATH]
              Times the CSV export (and the JSON export and HTML report once) on a synthetic database and
              measures managed heap and resident set before and during each.
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var options = Options.Parse(args.AsSpan(1));
            if (args[0] == "real")
            {
                var folders = options.Text("input")?.Split(',') ?? [Path.Combine("tests", "gold", "real-dev"), Path.Combine("tests", "gold", "real-holdout")];
                RealCorpusBenchmark.Run(folders, Positive(options, "runs", 5));
                return 0;
            }

            var seeds = SeedFiles.Load(options.Text("input"));
            switch (args[0])
            {
                case "extract":
                    ExtractBenchmark.Run(seeds, Megabytes(options, "mb", 50), Positive(options, "runs", 3), options.Text("only"));
                    return 0;
                case "profile":
                    StageProfile.Run(seeds, Megabytes(options, "mb", 10));
                    return 0;
                default:
                    Console.Error.WriteLine($"unknown command '{args[0]}'");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static long Megabytes(Options options, string name, double fallback) =>
        (long)(options.Number(name, fallback) * Corpus.BytesPerMegabyte);

    private static int Positive(Options options, string name, int fallback) =>
        Math.Max(1, (int)options.Number(name, fallback));

    private sealed class Options
    {
        private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

        public static Options Parse(ReadOnlySpan<string> args)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                {
                    throw new ArgumentException($"expected '--name value', got '{args[i]}'");
                }

                options.values[args[i][2..]] = args[++i];
            }

            return options;
        }

        public string? Text(string name) => values.GetValueOrDefault(name);

        public double Number(string name, double fallback)
        {
            if (Text(name) is not { } text)
            {
                return fallback;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"--{name} takes a positive number, got '{text}'");
        }
    }
}
