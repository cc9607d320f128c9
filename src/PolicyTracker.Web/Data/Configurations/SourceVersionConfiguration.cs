using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Data.Configurations;

internal sealed class SourceVersionConfiguration : IEntityTypeConfiguration<SourceVersion>
{
    public void Configure(EntityTypeBuilder<SourceVersion> builder)
    {
        builder.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(v => new { v.SourceId, v.Version }).IsUnique();
    }
}
