using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Pages;

public sealed class IndexModel(PolicyDbContext db) : PageModel
{
    public int SourceCount { get; private set; }

    public int ClaimCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SourceCount = await db.Sources.CountAsync(ct);
        ClaimCount = await db.Claims.CountAsync(ct);
    }
}
