using Microsoft.EntityFrameworkCore;

namespace PolicyTracker.Web.Data;

/// <summary>
/// The app's data. This type is the SQLite model and owns the SQLite migrations; <see cref="PostgresPolicyDbContext"/>
/// is the same model on PostgreSQL with its own migrations (EF Core's pattern for one model on several providers).
/// Services always ask for this type; <see cref="DatabaseProviders"/> creates the one the configuration names.
/// </summary>
public class PolicyDbContext(DbContextOptions<PolicyDbContext> options) : DbContext(options)
{
    public DbSet<Source> Sources => Set<Source>();

    public DbSet<SourceVersion> SourceVersions => Set<SourceVersion>();

    public DbSet<Claim> Claims => Set<Claim>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PolicyDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Enums by name, so a reordered enum never changes what stored rows mean.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }
}
