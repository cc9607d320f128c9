using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PolicyTracker.Web.Data.Configurations;

internal sealed class SourceChangeConfiguration : IEntityTypeConfiguration<SourceChange>
{
    public void Configure(EntityTypeBuilder<SourceChange> builder)
    {
        // Stored as numbers so that both databases sort by them: SQLite cannot order date-and-offset text.
        builder.Property(c => c.FromObserved).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(c => c.ToObserved).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(c => c.Subject).HasMaxLength(100);
        builder.Property(c => c.Topic).HasMaxLength(100);
        builder.Property(c => c.Scope).HasMaxLength(20);
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.Property(c => c.FromValue).HasMaxLength(100);
        builder.Property(c => c.ToValue).HasMaxLength(100);

        // The Changes page and the feeds read newest first, whole or by subject; a source's rows are replaced together.
        builder.HasIndex(c => new { c.ToObserved, c.Id });
        builder.HasIndex(c => new { c.Subject, c.ToObserved });
        builder.HasIndex(c => c.SourceId);
        builder.HasOne(c => c.Source).WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
