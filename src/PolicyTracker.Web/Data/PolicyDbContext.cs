using Microsoft.EntityFrameworkCore;

namespace PolicyTracker.Web.Data;

public sealed class PolicyDbContext(DbContextOptions<PolicyDbContext> options) : DbContext(options)
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
