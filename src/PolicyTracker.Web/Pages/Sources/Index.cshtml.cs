using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Options;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Watching;

namespace PolicyTracker.Web.Pages.Sources;

/// <summary>
/// The sources, filtered by name and kind. Editors also upload files here, each becoming a source or a new version of
/// one, through the same <see cref="SourceIngestor"/> as the <c>ingest</c> command.
/// </summary>
/// <remarks>
/// The upload checks its antiforgery token itself (<see cref="UploadReader"/>), in the body as it streams in: the
/// framework's check would read the whole form, files included, before the handler. So the page's other post, adding
/// an address to watch, checks its token itself too, first thing.
/// </remarks>
[IgnoreAntiforgeryToken(Order = 1001)]
[EnableRateLimiting(RateLimits.Upload)]
public sealed class IndexModel(
    PolicyDbContext db,
    SourceIngestor ingestor,
    IAntiforgery antiforgery,
    IOptions<IngestOptions> ingest,
    TimeProvider time,
    SourceWatcher watcher,
    ILogger<IndexModel> logger) : PageModel
{
    private const int PageSize = 50;

    public string? Query { get; private set; }

    public SourceKind? Kind { get; private set; }

    public int Total { get; private set; }

    public int PageNumber { get; private set; }

    public int PageCount { get; private set; }

    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    /// <summary>Every source's name, for the upload's "new version of" choice; empty for those who cannot upload.</summary>
    public IReadOnlyList<string> SourceNames { get; private set; } = [];

    public IngestOptions Limits => ingest.Value;

    /// <summary>The size limit for people: "20 MB", "4 KB" or "900 bytes"; the exact figure is in the refusal.</summary>
    public string MaxFileSize => Limits.MaxFileBytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{Limits.MaxFileBytes / (1024d * 1024):0.#} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{Limits.MaxFileBytes / 1024d:0.#} KB"),
        _ => $"{Limits.MaxFileBytes} bytes",
    };

    /// <summary>The observed date the upload form starts with.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>What an upload did, file by file; null when nothing was uploaded.</summary>
    public UploadResult? Upload { get; private set; }

    /// <summary>Why the upload was refused as a whole; nothing of it was stored.</summary>
    public string? UploadError { get; private set; }

    /// <summary>The source and date of the upload just posted, so a refused one keeps its choices.</summary>
    public string? ChosenSource { get; private set; }

    public string? ChosenObserved { get; private set; }

    /// <summary>Every watched source with the state of its last fetch.</summary>
    public IReadOnlyList<WatchedRow> Watched { get; private set; } = [];

    /// <summary>What adding an address did, in the ingest's wording; null when none was posted.</summary>
    public WatchResult? WatchOutcome { get; private set; }

    /// <summary>The address form as posted, so a refused one can be corrected rather than typed again.</summary>
    public WatchInput WatchForm { get; private set; } = new();

    public Task OnGetAsync(string? q, SourceKind? kind, int page, CancellationToken ct) => LoadAsync(q, kind, page, ct);

    /// <remarks>Like the upload, the result is shown on the page posted to: adding the same address again is refused as already watched.</remarks>
    [HandlerPolicy(Policies.Editor)]
    public async Task<IActionResult> OnPostWatchAsync(WatchInput watch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(watch);
        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext);
        }
        catch (AntiforgeryValidationException ex)
        {
            logger.LogWarning("Watch by {Actor} refused: {Reason}", User.ActorName(), ex.Message);
            return BadRequest();
        }

        WatchForm = watch;
        var (every, problem) = WatchInterval.Parse(watch.Every);
        if (!ModelState.IsValid || problem is not null)
        {
            WatchOutcome = new WatchResult($"refused {watch.Url}: {problem ?? "give an address of at most 2048 characters and a name of at most 260"}", false);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            WatchOutcome = await watcher.AddAsync(watch.Url!, every, string.IsNullOrWhiteSpace(watch.Name) ? null : watch.Name.Trim(), User.ActorName(), ct);
            logger.LogInformation("Watch by {Actor}: {Line}", User.ActorName(), WatchOutcome.Line);
            if (WatchOutcome.Watched)
            {
                WatchForm = new WatchInput();
            }
        }

        await LoadAsync(null, null, 1, ct);
        return Page();
    }

    /// <remarks>
    /// The results are shown on the page the upload was posted to rather than after a redirect: one line per file is
    /// too much to carry across a redirect in a cookie, and posting the same upload again (a refresh) stores nothing
    /// twice, since the same bytes are "unchanged".
    /// The handler takes no parameters, not even its cancellation token: binding any parameter makes MVC read the whole
    /// form first, files included, which is what <see cref="UploadReader"/> is there to avoid.
    /// </remarks>
    [HandlerPolicy(Policies.Editor)]
    public async Task<IActionResult> OnPostUploadAsync()
    {
        var ct = HttpContext.RequestAborted;
        UploadForm form;
        try
        {
            form = await new UploadReader(antiforgery, Limits).ReadAsync(HttpContext, ct);
        }
        catch (AntiforgeryValidationException ex)
        {
            logger.LogWarning("Upload by {Actor} refused: {Reason}", User.ActorName(), ex.Message);
            return BadRequest();
        }
        catch (UploadRefusedException ex)
        {
            return await RefuseAsync(ex.Message, ex.StatusCode, ct);
        }

        await using (form)
        {
            ChosenSource = form.Field(UploadReader.SourceField);
            ChosenObserved = form.Field(UploadReader.ObservedField);
            var (target, problem) = await TargetAsync(form.Files.Count, ct);
            if (problem is not null)
            {
                return await RefuseAsync(problem, StatusCodes.Status400BadRequest, ct);
            }

            var result = await IngestAsync(form.Files, target!, ct);
            logger.LogInformation(
                "Upload by {Actor}: {FileCount} files, {StoredCount} stored, {RefusedCount} refused",
                target!.By, result.Files.Count, result.StoredCount, result.RefusedCount);
            Upload = result;
        }

        await LoadAsync(null, null, 1, ct);
        return Page();
    }

    /// <summary>Where the upload's files go, or why the form cannot be taken.</summary>
    private async Task<(IngestAs? Target, string? Problem)> TargetAsync(int files, CancellationToken ct)
    {
        if (files == 0)
        {
            return (null, "Choose at least one file to upload.");
        }

        if (ChosenSource is { } source && !await db.Sources.AnyAsync(s => s.FileName == source, ct))
        {
            return (null, $"There is no source named {source}: choose one from the list, or none.");
        }

        DateOnly? observed = null;
        if (ChosenObserved is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return (null, $"'{text}' is not a date written YYYY-MM-DD.");
            }

            // The form starts at today, and "observed today" is best told by the moment of the upload: at midnight it
            // would sort before a version ingested earlier the same day.
            observed = day == Today ? null : day;
        }

        return (new IngestAs(ChosenSource, observed, User.ActorName()), null);
    }

    /// <summary>
    /// Each file in the order it came, through the same rules as the <c>ingest</c> command: a name used twice, the
    /// size limit, then the ingestor's own checks. Each file is its own transaction, so a refused one stores nothing
    /// and the others are stored all the same.
    /// </summary>
    private async Task<UploadResult> IngestAsync(IReadOnlyList<StagedFile> files, IngestAs target, CancellationToken ct)
    {
        var run = new IngestRun(target);
        var outcomes = new List<IngestOutcome>();
        foreach (var file in files)
        {
            var outcome = file.NameProblem is { } badName ? new IngestOutcome.Rejected(file.Shown, badName)
                : run.SameNameAsEarlier(file.FileName, file.FileName)
                ?? (file.TooBig ? new IngestOutcome.Rejected(file.FileName, IngestOutcome.Rejected.TooBig(file.Length, file.Limit))
                    : await IngestOneAsync(file, target, ct));
            run.Record(file.FileName, file.FileName, outcome);
            logger.LogInformation("Upload by {Actor}: {Line}", target.By, outcome.Line);
            outcomes.Add(outcome);
        }

        return new UploadResult(outcomes);
    }

    private async Task<IngestOutcome> IngestOneAsync(StagedFile file, IngestAs target, CancellationToken ct)
    {
        try
        {
            return await ingestor.IngestAsync(file.FileName, await file.ReadAllAsync(ct), target, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The ingest rolled back, so the other files can still go in; the log keeps what went wrong, and the
            // page does not show a stranger's file the server's internals.
            logger.LogError(ex, "Upload of {Source} failed", file.FileName);
            return new IngestOutcome.Rejected(file.FileName, IngestOutcome.Rejected.ServerError);
        }
    }

    private async Task<IActionResult> RefuseAsync(string reason, int statusCode, CancellationToken ct)
    {
        logger.LogInformation("Upload by {Actor} refused: {Reason}", User.ActorName(), reason);
        UploadError = reason;
        Response.StatusCode = statusCode;
        await LoadAsync(null, null, 1, ct);
        return Page();
    }

    private async Task LoadAsync(string? q, SourceKind? kind, int page, CancellationToken ct)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Kind = kind;
        var sources = db.Sources.AsNoTracking();
        if (Query is { } text)
        {
            sources = sources.Where(s => s.FileName.Contains(text) || (s.Title != null && s.Title.Contains(text)));
        }

        if (Kind is { } k)
        {
            sources = sources.Where(s => s.Kind == k);
        }

        Total = await sources.CountAsync(ct);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page, 1, PageCount);
        Sources = await sources
            .OrderBy(s => s.FileName)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(s => new SourceRow(s.Id, s.FileName, s.Title, s.Kind, s.Format, s.Version, s.ByteCount, s.IngestedAt, s.Claims.Count))
            .ToListAsync(ct);
        Watched = await WatchedRow.ListAsync(db, ct);
        if (User.CanEdit())
        {
            SourceNames = await db.Sources.AsNoTracking().OrderBy(s => s.FileName).Select(s => s.FileName).ToListAsync(ct);
        }
    }

    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal) { ["q"] = Query, ["kind"] = Kind?.ToString() };
        if (page > 1)
        {
            query["page"] = page.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString("/Sources", query.Where(p => p.Value is not null));
    }

    public sealed class WatchInput
    {
        [Required]
        [StringLength(2048)]
        public string? Url { get; set; }

        [StringLength(10)]
        public string Every { get; set; } = WatchInterval.DefaultText;

        [StringLength(IngestAs.MaxSourceLength)]
        public string? Name { get; set; }
    }

    public sealed record SourceRow(
        long Id, string FileName, string? Title, SourceKind Kind, SourceFormat Format, int Version, long ByteCount, DateTimeOffset IngestedAt, int ClaimCount);
}
