using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.Property(a => a.Subject).HasMaxLength(100);
        builder.Property(a => a.Topic).HasMaxLength(100);
        builder.Property(a => a.Target).HasMaxLength(400);
        builder.Property(a => a.From).HasMaxLength(100);
        builder.Property(a => a.To).HasMaxLength(100);
        builder.Property(a => a.Note).HasMaxLength(ReviewLimits.NoteLength);

        // The claim page reads one claim's history; the activity feed reads the newest entries first.
        builder.HasIndex(a => new { a.ClaimId, a.Id });
        builder.HasIndex(a => new { a.Subject, a.Topic });
        builder.HasIndex(a => a.At);
    }
}
