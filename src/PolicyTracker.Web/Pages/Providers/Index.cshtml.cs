using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Hosting;

namespace PolicyTracker.Web.Pages.Providers;

/// <summary>
/// Every provider side by side: the matrix <see cref="ProviderMatrixQueries"/> builds, its CSV, and the charts drawn
/// from the same matrix. The page decides nothing; every value, count and mark is the matrix's.
/// </summary>
[OutputCache(PolicyName = ReadPageCache.PolicyName)]
[ReadPageQuery("family", "subject", "kind", "sort", "handler")]
public sealed class IndexModel(ProviderMatrixQueries matrices) : PageModel
{
    public MatrixRequest Query { get; private set; } = new();

    public ProviderView? View { get; private set; }

    public MatrixResult? Result => View?.Result;

    public string? Error { get; private set; }

    public ProviderMatrix? Matrix => Result?.Matrix;

    /// <summary>The families a row can be in, for the filter: the built-in ones.</summary>
    public static IReadOnlyList<string> FamilyChoices => TopicFamilies.Known;

    public static IReadOnlyList<SourceKind> KindChoices { get; } = [SourceKind.OfficialPolicy, SourceKind.Article, SourceKind.Guide];

    public async Task<IActionResult> OnGetAsync([FromQuery] MatrixRequest request, CancellationToken ct)
    {
        Query = request;
        if (!await LoadAsync(ct))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync([FromQuery] MatrixRequest request, CancellationToken ct)
    {
        Query = request;
        if (!await LoadAsync(ct))
        {
            return BadRequest(Error!);
        }

        return File(Encoding.UTF8.GetBytes(await CsvMatrixWriter.WriteAsync(Result!)), "text/csv; charset=utf-8", "providers.csv");
    }

    /// <summary>The sort links keep the filters and change only the order.</summary>
    public string SortUrl(MatrixSort sort) => Query.Url(sort.ToString().ToLowerInvariant());

    public bool SortedBy(MatrixSort sort) => Matrix is not null && CurrentSort == sort;

    private MatrixSort CurrentSort { get; set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!Query.TryParse(out var query, out var kinds, out var error))
        {
            Error = error;
            return false;
        }

        CurrentSort = query.Sort;
        View = await matrices.ViewAsync(query, kinds, ct);
        return true;
    }
}
