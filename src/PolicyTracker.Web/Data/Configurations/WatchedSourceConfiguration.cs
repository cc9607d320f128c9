using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Web.Data.Configurations;

internal sealed class WatchedSourceConfiguration : IEntityTypeConfiguration<WatchedSource>
{
    /// <summary>The longest address accepted, as browsers and most servers keep to.</summary>
    public const int MaxUrlLength = 2048;

    public void Configure(EntityTypeBuilder<WatchedSource> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(IngestAs.MaxSourceLength);
        builder.Property(w => w.Url).HasMaxLength(MaxUrlLength);
        builder.Property(w => w.LastStatus).HasMaxLength(20);
        builder.Property(w => w.LastError).HasMaxLength(1000);
        builder.Property(w => w.ETag).HasMaxLength(500);
        builder.Property(w => w.LastModified).HasMaxLength(100);
        builder.Property(w => w.LeaseOwner).HasMaxLength(32);
        builder.Ignore(w => w.Interval);

        // Compared in the due and lease conditions: SQLite cannot compare DateTimeOffset as stored by default, and
        // every value here is UTC, so the binary form orders as the times do, on both databases.
        builder.Property(w => w.NextFetchAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(w => w.LeaseUntil).HasConversion<DateTimeOffsetToBinaryConverter>();

        builder.HasIndex(w => w.Name).IsUnique();
        builder.HasIndex(w => w.Url).IsUnique();
        builder.HasIndex(w => w.NextFetchAt);
    }
}
