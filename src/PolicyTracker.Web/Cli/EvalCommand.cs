using System.Globalization;
using Microsoft.Extensions.Options;
using PolicyTracker.Core.Evaluation;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Cli;

/// <summary>
/// <c>eval --gold FILE [--sources DIR] [--verbose] [--vetoes]</c>: runs the reader and extractor on the gold file's
/// documents directly, without the database, so scoring never depends on what was ingested.
/// </summary>
internal sealed class EvalCommand : ICommand
{
    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string> { "--gold", "--sources" };

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "--verbose", "--vetoes" };

    public bool NeedsDatabase => false;

    public string? Check(CommandArguments args) =>
        args.Positional.Count > 0 ? $"unexpected argument '{args.Positional[0]}'"
        : args.Value("--gold") is null ? "--gold FILE is required"
        : null;

    public async Task<int> RunAsync(CommandArguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var goldPath = args.Value("--gold")!;
        GoldFile gold;
        try
        {
            gold = GoldFile.Load(goldPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            await error.WriteLineAsync($"eval: cannot read the gold file {goldPath}: {ex.Message}");
            return CommandLine.UsageError;
        }

        var folder = args.Value("--sources") ?? services.GetRequiredService<IOptions<SeedsOptions>>().Value.Directory;
        var limit = services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxFileBytes;
        var extractor = services.GetRequiredService<ClaimExtractor>();
        var threshold = services.GetRequiredService<IOptions<ExtractionOptions>>().Value.SuggestionThreshold;

        var found = new Dictionary<string, IReadOnlyList<ExtractedClaim>>(StringComparer.Ordinal);
        foreach (var document in gold.Documents)
        {
            var path = Path.Combine(folder, document.Source);
            try
            {
                var extracted = SourceReader.Read(document.Source, await File.ReadAllBytesAsync(path, ct), limit, ct);
                var vetoed = new List<VetoedMatch>();
                found[document.Source] = extractor.Extract(extracted, vetoed);
                if (args.Has("--vetoes"))
                {
                    foreach (var v in vetoed)
                    {
                        await output.WriteLineAsync($"vetoed {document.Source} {v.Topic} = {v.Value}: {v.Reason}\n    \"{v.Statement}\"");
                    }

                    foreach (var s in found[document.Source].Where(c => c.IsSuggestion(threshold)))
                    {
                        var doubts = string.Join("; ", s.Cues.Where(c => c.Kind == CueKind.Doubt).Select(c => c.Text));
                        await output.WriteLineAsync($"suggested {document.Source} {s.Topic} = {s.Value} ({Number(s.Confidence)}): {doubts}\n    \"{s.Quote}\"");
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SourceRejectedException)
            {
                // Scored as finding nothing, so a missing document shows up as missed claims rather than hiding.
                await error.WriteLineAsync($"eval: {document.Source}: {ex.Message}");
            }
        }

        var report = Evaluator.Score(gold, found, threshold);
        await WriteReportAsync(output, gold, found, report, args.Has("--verbose"));
        return CommandLine.Success;
    }

    private static async Task WriteReportAsync(
        TextWriter output,
        GoldFile gold,
        Dictionary<string, IReadOnlyList<ExtractedClaim>> found,
        EvaluationReport report,
        bool verbose)
    {
        await output.WriteLineAsync(
            $"documents {gold.Documents.Count}, gold claims {gold.Documents.Sum(d => d.Claims.Count)}, found claims {found.Values.Sum(c => c.Count) - report.Suggestions} (and {report.Suggestions} suggestions)");
        await output.WriteLineAsync($"precision {Number(report.Overall.Precision)}");
        await output.WriteLineAsync($"recall    {Number(report.Overall.Recall)}");
        await output.WriteLineAsync($"F1        {Number(report.Overall.F1)}");
        await output.WriteLineAsync($"scope     {Number(report.ScopeAccuracy)} ({report.WrongScope} found claims right but for their scope)");
        await output.WriteLineAsync();

        var width = Math.Max("topic".Length, report.ByTopic.Keys.DefaultIfEmpty("").Max(k => k.Length));
        await output.WriteLineAsync($"{"topic".PadRight(width)}  {"tp",4} {"fp",4} {"fn",4}  {"prec",5}  {"rec",5}  {"F1",5}");
        foreach (var (topic, score) in report.ByTopic)
        {
            await output.WriteLineAsync(
                $"{topic.PadRight(width)}  {score.TruePositives,4} {score.FalsePositives,4} {score.FalseNegatives,4}  {Number(score.Precision)}  {Number(score.Recall)}  {Number(score.F1)}");
        }

        await output.WriteLineAsync();
        await WriteKeysAsync(output, "contradictions found", report.ContradictionsFound);
        await WriteKeysAsync(output, "contradictions missed", report.ContradictionsMissed);
        await WriteKeysAsync(output, "contradictions not real", report.ContradictionsExtra);

        if (verbose)
        {
            await WriteClaimsAsync(output, "spurious claims", report.Spurious);
            await WriteClaimsAsync(output, "missed claims", report.Missed);
        }
    }

    private static async Task WriteKeysAsync(TextWriter output, string heading, IReadOnlyList<string> keys)
    {
        await output.WriteLineAsync($"{heading}: {keys.Count}");
        foreach (var key in keys)
        {
            await output.WriteLineAsync($"  {key}");
        }
    }

    private static async Task WriteClaimsAsync(TextWriter output, string heading, IReadOnlyList<ClaimMiss> claims)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{heading}: {claims.Count}");
        foreach (var c in claims)
        {
            await output.WriteLineAsync($"  {c.Source}  {c.Subject} {c.Topic} {c.Scope} = {c.Value}{(c.Confidence is { } confidence ? $"  ({Number(confidence)})" : "")}");
            await output.WriteLineAsync($"    \"{c.Quote}\"");
        }
    }

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
