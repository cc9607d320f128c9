using Microsoft.AspNetCore.Authorization;

namespace PolicyTracker.Web.Security;

/// <summary>The authorization policies; every page, handler and endpoint is covered by one of them.</summary>
public static class Policies
{
    /// <summary>Reading pages and the API: anyone, or only signed-in users when <c>Security:RequireSignInToRead</c> is set.</summary>
    public const string Read = "Read";

    /// <summary>Tagging claims and reviewing contradictions.</summary>
    public const string Editor = "Editor";

    /// <summary>Managing accounts and roles.</summary>
    public const string Admin = "Admin";

    public static void Add(AuthorizationOptions options, bool requireSignInToRead)
    {
        ArgumentNullException.ThrowIfNull(options);
        var read = requireSignInToRead
            ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build()
            : new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();
        options.AddPolicy(Read, read);
        options.AddPolicy(Editor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Editor, Roles.Admin));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));

        // Whatever does not name a policy is read access, so a page added later is never open by accident
        // when reading needs sign-in.
        options.FallbackPolicy = read;
    }
}
