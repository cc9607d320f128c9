using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Pages.Claims;
using PolicyTracker.Web.Security;

namespace PolicyTracker.Web.Pages.Activity;

/// <summary>The audit history, newest first. Account changes are shown to admins only: they list who has which role.</summary>
public sealed class IndexModel(PolicyDbContext db) : PageModel
{
    public const int PageSize = 50;

    private static readonly AuditAction[] AccountActions = [AuditAction.UserAdded, AuditAction.UserRoleChanged, AuditAction.UserUnlocked];

    public IReadOnlyList<HistoryEntry> Entries { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!User.IsInRole(Roles.Admin))
        {
            query = query.Where(a => !AccountActions.Contains(a.Action));
        }

        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(page, 1, PageCount);
        var rows = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Entries = [.. rows.Select(HistoryEntry.Of)];
    }
}
