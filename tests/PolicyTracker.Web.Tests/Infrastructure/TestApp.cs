using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyTracker.Web.Security;

namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>The real web app over the workspace's database; it migrates and seeds when first used.</summary>
public class TestApp : Workspace
{
    private readonly Lazy<AppFactory> factory;

    public TestApp() => factory = new(() => new AppFactory(this));

    public WebApplicationFactory<Program> Factory => factory.Value;

    /// <summary>The password every test account gets.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>A client with no account: reads what anyone may read, from this app or another instance of it.</summary>
    public FormClient Anonymous(WebApplicationFactory<Program>? instance = null) =>
        new((instance ?? Factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    /// <summary>Adds an account with <paramref name="role"/> (a new address each call unless one is given) and returns its email.</summary>
    public async Task<string> AddUserAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddAsync(email, role, Password, "test setup", default);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return email;
    }

    /// <summary>
    /// Signs in through the real sign-in form, as a new account with <paramref name="role"/> unless an email is given,
    /// on this app or another instance of it.
    /// </summary>
    public async Task<FormClient> SignInAsync(string role, string? email = null, WebApplicationFactory<Program>? instance = null)
    {
        email ??= await AddUserAsync(role);
        var client = Anonymous(instance);
        var page = await client.GetDocumentAsync("/Account/SignIn");
        using var response = await client.SubmitAsync(
            page.Forms["sign-in"]!, new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"signing in as {email} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>The folder the app seeds an empty database from; empty unless a fixture says otherwise.</summary>
    protected virtual string SeedsForApp => SeedsDirectory;

    /// <summary>Further settings a fixture gives the app.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    /// <summary>The hosting environment; the test host's default is Development.</summary>
    protected virtual string EnvironmentName => Environments.Development;

    /// <summary>Services a fixture replaces, such as the clock.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>Another instance of the app on the same database and settings, as a second server would run; the caller disposes it.</summary>
    public WebApplicationFactory<Program> CreateInstance() => new AppFactory(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing && factory.IsValueCreated)
        {
            factory.Value.Dispose();
        }

        base.Dispose(disposing);
    }

    public sealed class AppFactory(TestApp app) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", app.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Default", app.ConnectionString);
            builder.UseSetting("Storage:DataDirectory", app.DataDirectory);
            builder.UseSetting("Seeds:Directory", app.SeedsForApp);
            foreach (var (key, value) in app.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseEnvironment(app.EnvironmentName);
            builder.ConfigureTestServices(app.ConfigureTestServices);
        }
    }
}

/// <summary>The app started on an empty database with the real seed articles shipped beside it.</summary>
public sealed class SeededTestApp : TestApp
{
    protected override string SeedsForApp => ShippedSeedsDirectory;
}
