using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Web.Api;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Operations;
using PolicyTracker.Web.Options;
using PolicyTracker.Web.Querying;
using PolicyTracker.Web.Reviews;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Versions;
using PolicyTracker.Web.Watching;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace PolicyTracker.Web.Hosting;

/// <summary>
/// Builds the app's host. The web app and the commands share it, so both read the same configuration
/// and resolve the same services; only the web app adds pages and start-up seeding.
/// </summary>
public static class AppHost
{
    /// <summary>
    /// The folder the app's files ship in (appsettings, wwwroot once published), so the app and its commands
    /// read the same settings whatever the current directory is. Only the data folder follows the current directory.
    /// </summary>
    public static string ContentRoot => AppContext.BaseDirectory;

    public static WebApplicationBuilder CreateBuilder(WebApplicationOptions hostOptions, bool forCommand)
    {
        var builder = WebApplication.CreateBuilder(hostOptions);
        AddServices(builder.Services);
        AddLogging(builder.Services, logToConsole: !forCommand);
        return builder;
    }

    public static WebApplication BuildWebApp(string[] args)
    {
        var builder = CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot }, forCommand: false);
        SecurityServices.AddWebSecurity(builder.Services, builder.Configuration);
        ReadPageCache.Add(builder.Services);
        HealthEndpoints.Add(builder.Services);
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            pages.Conventions.AllowAnonymousToFolder("/Account");
        }).AddMvcOptions(mvc => mvc.Filters.AddService<HandlerAuthorizationFilter>());
        builder.Services.AddApi();
        builder.Services.AddApiDocument();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddHostedService<ComparisonWarmup>();
        builder.Services.AddHostedService<WatchScheduler>();

        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var app = builder.Build();
        app.UseSerilogRequestLogging(log => log.GetLevel = RequestLogLevel);
        app.UseClientDisconnects();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Only on HTTPS requests, and never for localhost: browsers remember it for a year.
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseRouting();
        PageTiming.Use(app);
        RateLimits.Use(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.MapRazorPages();
        app.MapApi();
        app.MapApiDocument();
        app.MapChangeFeeds();
        app.MapGet("/healthz", (DatabaseReadiness readiness) =>
                readiness.IsMigrated ? Results.Text("ok") : Results.Text("migrating", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous();
        HealthEndpoints.Map(app);
        return app;
    }

    private static void AddServices(IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Configure<IConfiguration, IOptions<StorageOptions>>((options, configuration, storage) =>
                options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
                    ?? (options.Provider == DatabaseProvider.Sqlite
                        ? $"Data Source={Path.Combine(storage.Value.FullDataDirectory, DatabaseOptions.DefaultFileName)}"
                        : ""))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SeedsOptions>()
            .BindConfiguration(SeedsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<LogFileOptions>()
            .BindConfiguration(LogFileOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ReportsOptions>()
            .BindConfiguration(ReportsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The provider comes from configuration (Database:Provider); DatabaseProviders knows what differs between them,
        // including which context type, and so which migrations, a provider uses.
        services.AddDbContext<PolicyDbContext>((provider, options) =>
            DatabaseProviders.Configure(options, provider.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.Replace(ServiceDescriptor.Scoped(provider => DatabaseProviders.CreateContext(
            provider.GetRequiredService<DbContextOptions<PolicyDbContext>>(),
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider)));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseReadiness>();
        services.AddScoped<DatabaseInitializer>();

        // The catalog is built here and only here, so loading it from a file later is a one-line change.
        services.AddOptions<ExtractionOptions>()
            .BindConfiguration(ExtractionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider =>
            provider.GetRequiredService<IOptions<ExtractionOptions>>().Value.CatalogPath is { Length: > 0 } path
                ? TopicCatalog.LoadFile(Path.GetFullPath(path))
                : TopicCatalog.Default);
        services.AddSingleton<ClaimExtractor>();

        services.AddScoped<SourceHistory>();
        services.AddScoped<SourceIngestor>();
        services.AddScoped<IngestPipeline>();
        services.AddSingleton<ComparisonCache>();
        services.AddScoped<ContradictionQueries>();
        services.AddScoped<ProviderMatrixQueries>();
        services.AddScoped<ClaimQueries>();
        services.AddSingleton<ClaimTotals>();
        services.AddScoped<ChangeQueries>();
        services.AddScoped<JsonExporter>();
        services.AddScoped<CsvClaimWriter>();
        services.AddScoped<ClaimReviewWriter>();
        services.AddScoped<ReportQuery>();
        services.AddScoped<ReportExporter>();
        services.AddSingleton<PdfPrinter>();
        services.AddScoped<ClaimTagger>();
        services.AddScoped<ContradictionReviewer>();
        services.AddScoped<SuggestionReviewer>();
        PageFetcher.Add(services);
        services.AddScoped<PageFetcher>();
        services.AddScoped<SourceWatcher>();
        services.AddSingleton<WatchRunner>();
        services.AddSingleton<WatchSchedulerState>();
        services.AddSingleton<AppMetrics>();
        SecurityServices.AddAccounts(services);
    }

    /// <summary>
    /// One line per request, at Information; failures at Error. A client that went away is no failure
    /// (<see cref="ClientDisconnects"/>). Health checks and static files are Debug, below the production level:
    /// they are most of the requests and say nothing about what people did.
    /// </summary>
    internal static LogEventLevel RequestLogLevel(HttpContext context, double elapsedMilliseconds, Exception? ex)
    {
        if (ClientDisconnects.IsDisconnect(context, ex))
        {
            return LogEventLevel.Information;
        }

        if (ex is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        var staticFile = context.GetEndpoint() is null && context.Response.StatusCode < StatusCodes.Status400BadRequest;
        return staticFile || IsHealthCheck(context.Request.Path) ? LogEventLevel.Debug : LogEventLevel.Information;
    }

    private static bool IsHealthCheck(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/health");

    private static void AddLogging(IServiceCollection services, bool logToConsole) =>
        services.AddSerilog((provider, logger) =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var file = provider.GetRequiredService<IOptions<LogFileOptions>>().Value;
            logger.ReadFrom.Configuration(provider.GetRequiredService<IConfiguration>())
                .Enrich.FromLogContext()
                .WriteTo.File(
                    new CompactJsonFormatter(),
                    Path.Combine(storage.FullDataDirectory, "logs", "policytracker-.log"),
                    rollingInterval: RollingInterval.Day,
                    fileSizeLimitBytes: file.FileSizeLimitBytes,
                    rollOnFileSizeLimit: true,
                    retainedFileCountLimit: file.RetainedFileCount);

            // The file keeps every event's properties as JSON for querying; the console is for people.
            // A command's standard output is its result (an export may be JSON there), so it logs to the file only.
            if (logToConsole)
            {
                logger.WriteTo.Console();
            }
        });
}
