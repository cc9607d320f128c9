using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Data.Configurations;

internal sealed class ContradictionReviewConfiguration : IEntityTypeConfiguration<ContradictionReview>
{
    public void Configure(EntityTypeBuilder<ContradictionReview> builder)
    {
        builder.Property(r => r.Subject).HasMaxLength(100);
        builder.Property(r => r.Topic).HasMaxLength(100);
        builder.Property(r => r.State).HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(30);
        builder.Property(r => r.Note).HasMaxLength(ReviewLimits.NoteLength);
        builder.Property(r => r.ReviewedBy).HasMaxLength(256);
        builder.Property(r => r.Revision).IsConcurrencyToken();

        // One review per contradiction: two editors opening the first review at once cannot both insert one.
        builder.HasIndex(r => new { r.Subject, r.Topic }).IsUnique();
    }
}
