using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PolicyTracker.Web.Security;

/// <summary>
/// A password hash that belongs to no account. Checking a typed password against it costs what checking a real
/// account's password costs, so a sign-in for an unknown or locked account is not told apart by how fast it fails.
/// </summary>
public sealed class DecoyPassword(IOptions<PasswordHasherOptions> options)
{
    private static readonly IdentityUser Nobody = new();

    private readonly PasswordHasher<IdentityUser> hasher = new(options);

    private readonly string hash = new PasswordHasher<IdentityUser>(options).HashPassword(Nobody, Guid.NewGuid().ToString("N"));

    public void Check(string password) => _ = hasher.VerifyHashedPassword(Nobody, hash, password);
}
