using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Data.Configurations;

internal sealed class DataVersionRowConfiguration : IEntityTypeConfiguration<DataVersionRow>
{
    public void Configure(EntityTypeBuilder<DataVersionRow> builder)
    {
        builder.ToTable("DataVersion");
        builder.Property(v => v.Id).ValueGeneratedNever();

        // The row exists from the migration on, so moving it is always an UPDATE: concurrent writers on PostgreSQL
        // queue on its lock and each adds one, which an INSERT of a first row could not promise.
        builder.HasData(new DataVersionRow { Id = DataVersion.RowId, Value = 0 });
    }
}
