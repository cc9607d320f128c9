using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.Property(s => s.FileName).HasMaxLength(260);
        builder.Property(s => s.Title).HasMaxLength(500);
        builder.Property(s => s.Format).HasMaxLength(20);
        builder.Property(s => s.Kind).HasMaxLength(20);
        builder.Property(s => s.Sha256).HasMaxLength(64).IsFixedLength();

        // The file name is what identifies a source; the unique index also settles two ingests racing.
        builder.HasIndex(s => s.FileName).IsUnique();

        // Pages that need every source's kind, or look for a source by name, read these indexes instead of rows
        // that carry the whole text.
        builder.HasIndex(s => s.Kind);
        builder.HasIndex(s => new { s.FileName, s.Title });

        builder.HasMany(s => s.Claims).WithOne(c => c.Source).HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Versions).WithOne(v => v.Source).HasForeignKey(v => v.SourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
