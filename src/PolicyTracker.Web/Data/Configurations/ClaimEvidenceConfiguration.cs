using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Data.Configurations;

internal sealed class ClaimEvidenceConfiguration : IEntityTypeConfiguration<ClaimEvidence>
{
    public void Configure(EntityTypeBuilder<ClaimEvidence> builder)
    {
        builder.Property(e => e.Quote).HasMaxLength(ReviewLimits.QuoteLength);
        builder.Property(e => e.SourceName).HasMaxLength(ReviewLimits.SourceNameLength);
        builder.HasOne(e => e.Claim).WithMany(c => c.Evidence).HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.ClaimId);
    }
}
