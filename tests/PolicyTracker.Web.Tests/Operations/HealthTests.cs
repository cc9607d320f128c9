using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Hosting;
using PolicyTracker.Web.Options;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Operations;

/// <summary>The health endpoints a proxy or orchestrator polls: live while the process answers, ready while it can serve.</summary>
public sealed class HealthTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Live_RunningApp_AnswersHealthyWithoutChecks()
    {
        // Arrange
        using var client = app.Anonymous();

        // Act
        using var response = await client.Http.GetAsync("/health/live");
        var body = await ReadAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Ready_MigratedDatabase_AnswersEachCheckHealthyAndIsNeverCached()
    {
        // Arrange
        using var client = app.Anonymous();
        await client.Http.GetAsync("/");

        // Act
        using var response = await client.Http.GetAsync("/health/ready");
        var body = await ReadAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = body.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("migrated").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("scheduler").GetProperty("status").GetString());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_SignInRequiredToRead_StillOpenToTheProxy()
    {
        // Arrange
        using var instance = app.Factory.WithWebHostBuilder(host => host.UseSetting("Security:RequireSignInToRead", "true"));
        using var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // Act
        using var page = await client.GetAsync("/Claims");
        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        // Assert
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_DatabaseUnreachable_Answers503NamingTheDatabase()
    {
        // Arrange: a second instance whose database is away. Start-up would fail on it, so it is left out, as if the
        // database had gone after the instance migrated.
        var unreachable = app.Provider == DatabaseProvider.Postgres
            ? "Host=127.0.0.1;Port=1;Database=missing;Username=nobody;Password=none;Timeout=2"
            : $"Data Source={Path.Combine(app.Root, "no-such-folder", "missing.db")};Mode=ReadWrite";
        using var instance = app.Factory.WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:Default", unreachable);
            host.ConfigureTestServices(services => services.Remove(services.Single(s => s.ImplementationType == typeof(DatabaseStartup))));
        });
        instance.Services.GetRequiredService<DatabaseReadiness>().MarkMigrated();
        using var client = instance.CreateClient();

        // Act
        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");
        var body = await ReadAsync(ready);

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var database = body.GetProperty("checks").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.Contains("does not answer", database.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("migrated").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
