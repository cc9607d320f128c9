using Microsoft.EntityFrameworkCore;

namespace PolicyTracker.Web.Data;

/// <summary>
/// The model on PostgreSQL. It is its own type only so that EF Core keeps a separate migration history for it
/// (Data/Migrations/Postgres); what differs from SQLite is added here and nowhere else.
/// </summary>
public sealed class PostgresPolicyDbContext(DbContextOptions<PolicyDbContext> options) : PolicyDbContext(options)
{
    /// <summary>The text search configuration of the quote index: lower-cases words, no stemming or stop words.</summary>
    public const string TextSearchConfiguration = "simple";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        // Text compares and sorts by code point, as SQLite does, whatever locale the server's databases were made
        // with: the pages list the same rows in the same order on both, and "C" is the cheapest collation to sort by.
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if ((property.GetProviderClrType() ?? property.GetValueConverter()?.ProviderClrType ?? property.ClrType) == typeof(string))
            {
                property.SetCollation("C");
            }
        }

        // Full-text search over quotes: a GIN index on the quote's tsvector, which DatabaseProviders' search uses.
        builder.Entity<Claim>()
            .HasIndex(c => c.Quote)
            .HasDatabaseName("IX_Claims_Quote_FullText")
            .HasMethod("GIN")
            .IsTsVectorExpressionIndex(TextSearchConfiguration);
    }
}
