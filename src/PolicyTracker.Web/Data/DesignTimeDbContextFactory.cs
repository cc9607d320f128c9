using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PolicyTracker.Web.Data;

/// <summary>
/// Lets the migration tooling build the SQLite model without starting the app (which would migrate and seed).
/// The connection string is never opened when adding a migration.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PolicyDbContext>
{
    public PolicyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PolicyDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options);
}

/// <summary>
/// The same for the PostgreSQL model: adding a migration builds the model only, so no server needs to be running.
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresPolicyDbContext>
{
    public PostgresPolicyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PolicyDbContext>()
            .UseNpgsql("Host=localhost;Database=policytracker_design_time")
            .Options);
}
