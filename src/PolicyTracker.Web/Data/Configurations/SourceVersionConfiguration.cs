using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PolicyTracker.Web.Data.Configurations;

internal sealed class SourceVersionConfiguration : IEntityTypeConfiguration<SourceVersion>
{
    public void Configure(EntityTypeBuilder<SourceVersion> builder)
    {
        // A number, as for a change's dates, so that both databases order versions by when they were observed.
        builder.Property(v => v.ObservedAt).HasConversion<DateTimeOffsetToBinaryConverter>();
        builder.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(v => v.FileName).HasMaxLength(260);
        builder.Property(v => v.Title).HasMaxLength(500);
        builder.Property(v => v.Format).HasMaxLength(20);
        builder.HasIndex(v => new { v.SourceId, v.Version }).IsUnique();
    }
}
