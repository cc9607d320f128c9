using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Security;

/// <summary>An account as the admin page lists it.</summary>
public sealed record UserAccount(string Id, string Email, string Role, DateTimeOffset? LockedUntil, int FailedSignIns);

/// <summary>What an account change came to: done, or the reasons it was refused.</summary>
public sealed record AccountResult(IReadOnlyList<string> Errors)
{
    public static AccountResult Done { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Refused(params string[] errors) => new(errors);
}

/// <summary>
/// Adds accounts and changes their roles, for the <c>users</c> command and the admin page alike. Every account
/// has exactly one role; every change is in the audit history; the last admin cannot be demoted.
/// </summary>
public sealed class UserAdministration(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    PolicyDbContext db,
    TimeProvider time,
    ILogger<UserAdministration> logger)
{
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct)
    {
        var rows = await (
                from user in db.Users.AsNoTracking()
                join link in db.UserRoles on user.Id equals link.UserId into links
                from link in links.DefaultIfEmpty()
                join role in db.Roles on link.RoleId equals role.Id into named
                from role in named.DefaultIfEmpty()
                select new { user.Id, user.Email, user.UserName, Role = role == null ? null : role.Name, user.LockoutEnd, user.AccessFailedCount })
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        return [.. rows
            .Select(r => new UserAccount(r.Id, r.Email ?? r.UserName ?? r.Id, r.Role ?? "(none)", r.LockoutEnd > now ? r.LockoutEnd : null, r.AccessFailedCount))
            .OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<AccountResult> AddAsync(string email, string role, string password, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(password);
        email = email?.Trim() ?? "";
        var roleName = Roles.Find(role);
        if (roleName is null)
        {
            return AccountResult.Refused($"unknown role '{role}'; the roles are {string.Join(", ", Roles.All)}");
        }

        if (!email.Contains('@', StringComparison.Ordinal) || email.Length > 256)
        {
            return AccountResult.Refused($"'{email}' is not an email address");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return AccountResult.Refused($"an account for {email} already exists");
        }

        await EnsureRolesAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Refused(created);
        }

        var added = await users.AddToRoleAsync(user, roleName);
        if (!added.Succeeded)
        {
            return Refused(added);
        }

        Audit(actor, AuditAction.UserAdded, email, from: null, to: roleName);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("{Actor} added account {Email} as {Role}", actor, email, roleName);
        return AccountResult.Done;
    }

    public async Task<AccountResult> SetRoleAsync(string email, string role, string actor, CancellationToken ct)
    {
        var roleName = Roles.Find(role);
        if (roleName is null)
        {
            return AccountResult.Refused($"unknown role '{role}'; the roles are {string.Join(", ", Roles.All)}");
        }

        var user = await users.FindByEmailAsync(email?.Trim() ?? "");
        if (user is null)
        {
            return AccountResult.Refused($"there is no account for {email}");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == roleName)
        {
            return AccountResult.Done;
        }

        await EnsureRolesAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (current.Contains(Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
        {
            return AccountResult.Refused($"{email} is the only admin; make another account admin first");
        }

        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, roleName) : removed;
        if (!added.Succeeded)
        {
            return Refused(added);
        }

        Audit(actor, AuditAction.UserRoleChanged, user.Email!, from: string.Join(", ", current), to: roleName);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("{Actor} changed the role of {Email} from {From} to {Role}", actor, user.Email, current, roleName);
        return AccountResult.Done;
    }

    public async Task<AccountResult> UnlockAsync(string email, string actor, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email?.Trim() ?? "");
        if (user is null)
        {
            return AccountResult.Refused($"there is no account for {email}");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Audit(actor, AuditAction.UserUnlocked, user.Email!, from: null, to: null);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("{Actor} unlocked account {Email}", actor, user.Email);
        return AccountResult.Done;
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private void Audit(string actor, AuditAction action, string email, string? from, string? to) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            Target = $"user {email}",
            From = from,
            To = to,
        });

    private static AccountResult Refused(IdentityResult result) => new([.. result.Errors.Select(e => e.Description)]);
}
