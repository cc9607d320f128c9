using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>The real web app over the workspace's SQLite file; it migrates and seeds when first used.</summary>
public class TestApp : Workspace
{
    private readonly Lazy<AppFactory> factory;

    public TestApp() => factory = new(() => new AppFactory(this));

    public WebApplicationFactory<Program> Factory => factory.Value;

    /// <summary>The folder the app seeds an empty database from; empty unless a fixture says otherwise.</summary>
    protected virtual string SeedsForApp => SeedsDirectory;

    /// <summary>Further settings a fixture gives the app, such as the reports' organisation.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

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
            builder.UseSetting("ConnectionStrings:Default", app.ConnectionString);
            builder.UseSetting("Storage:DataDirectory", app.DataDirectory);
            builder.UseSetting("Seeds:Directory", app.SeedsForApp);
            foreach (var (key, value) in app.Settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

/// <summary>The app started on an empty database with the real seed articles shipped beside it.</summary>
public sealed class SeededTestApp : TestApp
{
    protected override string SeedsForApp => ShippedSeedsDirectory;
}
