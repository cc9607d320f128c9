using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>The real web app over the workspace's database; it migrates and seeds when first used.</summary>
public class TestApp : Workspace
{
    private readonly Lazy<AppFactory> factory;

    public TestApp() => factory = new(() => new AppFactory(this));

    public WebApplicationFactory<Program> Factory => factory.Value;

    /// <summary>The folder the app seeds an empty database from; empty unless a fixture says otherwise.</summary>
    protected virtual string SeedsForApp => SeedsDirectory;

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
        }
    }
}

/// <summary>The app started on an empty database with the real seed articles shipped beside it.</summary>
public sealed class SeededTestApp : TestApp
{
    protected override string SeedsForApp => ShippedSeedsDirectory;
}
