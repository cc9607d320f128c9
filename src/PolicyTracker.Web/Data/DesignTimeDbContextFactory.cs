using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PolicyTracker.Web.Data;

/// <summary>
/// Lets the migration tooling build the model without starting the app (which would migrate and seed).
/// The connection string is never opened when adding a migration.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PolicyDbContext>
{
    public PolicyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PolicyDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options);
}
