using System.Security.Claims;

namespace PolicyTracker.Web.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The name a change is recorded under: the account's sign-in name.</summary>
    public static string ActorName(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name ?? throw new InvalidOperationException("A change needs a signed-in user.");
    }

    public static bool CanEdit(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);
    }
}
