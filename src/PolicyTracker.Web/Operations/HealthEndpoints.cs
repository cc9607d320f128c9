using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Options;
using PolicyTracker.Web.Watching;

namespace PolicyTracker.Web.Operations;

/// <summary>
/// <c>/health/live</c> answers while the process serves requests (a proxy or orchestrator restarts an instance that
/// stops answering); <c>/health/ready</c> also checks that this instance has migrated, reaches the database and that
/// its fetch schedule is not failing, so a proxy sends readers only to instances that can answer them. Both are open
/// to anyone (a proxy has no account), counted against no rate limit, never cached, and name no host or secret.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live";

    public const string ReadyPath = "/health/ready";

    private const string ReadyTag = "ready";

    /// <summary>A database that takes longer than this to answer a trivial query is as good as away.</summary>
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Add(IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<MigratedCheck>("migrated", tags: [ReadyTag])
            .AddCheck<DatabaseCheck>("database", tags: [ReadyTag], timeout: DatabaseTimeout)
            .AddCheck<SchedulerCheck>("scheduler", tags: [ReadyTag]);

    public static void Map(IEndpointRouteBuilder routes)
    {
        // Liveness runs no check: a database outage must take instances out of rotation, not restart them all.
        routes.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous();
        routes.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
    }

    /// <summary>Each check's status and description, so whoever reads a 503 sees which check failed and why.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            Status = report.Status.ToString(),
            Checks = report.Entries.ToDictionary(e => e.Key, e => new { Status = e.Value.Status.ToString(), e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }

    /// <summary>Until start-up has migrated the database, this instance's queries would fail.</summary>
    private sealed class MigratedCheck(DatabaseReadiness readiness) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(readiness.IsMigrated
                ? HealthCheckResult.Healthy("the database is at the current schema")
                : HealthCheckResult.Unhealthy("the database is being migrated"));
    }

    /// <summary>One trivial query: the connection string, the network, the server and its credentials all work.</summary>
    private sealed class DatabaseCheck(PolicyDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync(cancellationToken);
                return HealthCheckResult.Healthy($"{DatabaseProviders.ProviderOf(db)} answers");
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The exception is logged by the health check service; the answer names only its kind, since a
                // connection error's message may name internal hosts.
                return HealthCheckResult.Unhealthy($"{DatabaseProviders.ProviderOf(db)} does not answer ({ex.GetType().Name})", ex);
            }
        }
    }

    /// <summary>
    /// The fetch schedule of this instance. A failing pass degrades the instance rather than taking it out of
    /// rotation: pages may still be served, but someone should look. Off here is healthy: another instance fetches.
    /// </summary>
    private sealed class SchedulerCheck(WatchSchedulerState state) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var now = state.Current;
            return Task.FromResult(now switch
            {
                { Enabled: false } => HealthCheckResult.Healthy("off on this instance (Fetch:SchedulerEnabled=false)"),
                { LastError: { } error, LastPassAt: var at } => HealthCheckResult.Degraded($"the last pass, at {at:O}, failed: {error}"),
                { LastPassAt: { } at } => HealthCheckResult.Healthy($"the last pass ended at {at:O}"),
                _ => HealthCheckResult.Healthy("waiting for its first pass"),
            });
        }
    }
}
