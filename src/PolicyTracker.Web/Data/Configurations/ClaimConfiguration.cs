using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Data.Configurations;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.Property(c => c.Subject).HasMaxLength(100);
        builder.Property(c => c.Topic).HasMaxLength(100);
        builder.Property(c => c.Scope).HasMaxLength(20);
        builder.Property(c => c.Value).HasMaxLength(100);
        builder.Property(c => c.Status).HasMaxLength(20).HasDefaultValue(ClaimStatus.Unreviewed);
        builder.Property(c => c.ReviewNote).HasMaxLength(ReviewLimits.NoteLength);
        builder.Property(c => c.ReviewedBy).HasMaxLength(256);
        builder.Property(c => c.Revision).IsConcurrencyToken();
        // Rows stored before claims had a confidence were claims the extractor stood by: 1. The sentinel makes EF send
        // every value, 0 included, rather than leave 0 (the CLR default) to the column default.
        builder.Property(c => c.Confidence).HasDefaultValue(1.0).HasSentinel(-1.0);
        builder.Property(c => c.Suggestion).HasMaxLength(20).HasDefaultValue(SuggestionState.None);

        // The one place that decides what a claim is: suggestions waiting and rejected ones are left out of every
        // query — lists, counts, the comparison, the exports — unless it asks for them with IgnoreQueryFilters.
        builder.HasQueryFilter(c => c.Suggestion == SuggestionState.None || c.Suggestion == SuggestionState.Accepted);

        // Contradictions are found per subject and topic; the Claims page filters and sorts by each column,
        // and a source's page reads its claims in text order. Subject and topic lead the two wide indexes so the
        // common filters (subject, topic, scope, value) are counted and sorted from an index alone, without reading
        // the quotes. Each ends in Id, every sort's tie-break: SQLite's rowid tail had that implicitly, PostgreSQL needs
        // it written, or it sorts each group by id (an incremental sort) and cannot seek to a keyset page's first row.
        builder.HasIndex(c => new { c.Subject, c.Topic, c.Scope, c.Value, c.Id });
        builder.HasIndex(c => new { c.Topic, c.Scope, c.Value, c.Id });
        builder.HasIndex(c => new { c.Scope, c.Id });
        builder.HasIndex(c => new { c.Value, c.Id });
        builder.HasIndex(c => new { c.Status, c.Id });

        // The suggestions waiting and the rejected ones, each a partial index of ids: the Suggestions page and the
        // comparison's stamp read the pending ones from the first, and a claims count subtracts both from a count the
        // wide indexes give alone (ClaimQueries.CountAsync). There is deliberately no index on Suggestion for all rows:
        // with one, a list's "Suggestion IN ('None', 'Accepted')" tempts the planner away from the index that holds the
        // list's order, into sorting every claim.
        builder.HasIndex(c => c.Id, "IX_Claims_Pending").HasFilter("\"Suggestion\" = 'Pending'");
        builder.HasIndex(c => c.Id, "IX_Claims_Rejected").HasFilter("\"Suggestion\" = 'Rejected'");
        builder.HasIndex(c => new { c.SourceId, c.Start });
    }
}
