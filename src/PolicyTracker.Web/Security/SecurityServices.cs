using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Security;

/// <summary>Sign-in, roles and authorization: the one place they are set up.</summary>
public static class SecurityServices
{
    public const string CookieName = "PolicyTracker.Auth";

    public const string AntiforgeryCookieName = "PolicyTracker.Antiforgery";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>Accounts, roles and the services that manage them; the commands need these too.</summary>
    public static void AddAccounts(IServiceCollection services)
    {
        services.AddIdentityCore<IdentityUser>(options =>
            {
                options.User.RequireUniqueEmail = true;

                // Length is what makes a password hard to guess; composition rules mostly make it hard to remember.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PolicyDbContext>()
            .AddSignInManager();
        services.AddScoped<UserAdministration>();
    }

    /// <summary>Cookie sign-in, antiforgery and the authorization policies, for the web app.</summary>
    public static void AddWebSecurity(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();

        // Keys in the database, so that instances behind one proxy read each other's cookies and form tokens.
        services.AddDataProtection()
            .SetApplicationName("PolicyTracker")
            .PersistKeysToDbContext<PolicyDbContext>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;

            // Secure whenever the app is served over HTTPS, as it should be anywhere but a person's own machine.
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/Account/SignIn";
            cookie.LogoutPath = "/Account/SignOut";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Events = new CookieAuthenticationEvents
            {
                // A program calling the API wants a status code, not a sign-in page.
                OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden),
            };
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = AntiforgeryCookieName;
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // Every response carries X-Frame-Options (SecurityHeaders), not only those that issue a new token.
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        services.AddAuthorization(authorization => Policies.Add(authorization, options.RequireSignInToRead));
        services.AddSingleton<HandlerAuthorizationFilter>();
        services.AddSingleton<DecoyPassword>();
        RateLimits.Add(services);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
