using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyTracker.Web.Data;

/// <summary>
/// The app's one database: sources, claims, editors' reviews, the audit history, sign-in accounts and the keys that protect their cookies. This type is
/// the SQLite model and owns the SQLite migrations; <see cref="PostgresPolicyDbContext"/> is the same model on
/// PostgreSQL with its own migrations (EF Core's pattern for one model on several providers). Services always ask for
/// this type; <see cref="DatabaseProviders"/> creates the one the configuration names.
/// </summary>
public class PolicyDbContext : IdentityDbContext<IdentityUser>, IDataProtectionKeyContext
{
    public PolicyDbContext(DbContextOptions<PolicyDbContext> options)
        : base(options)
    {
        // Even a save of one row runs in a transaction, so the data version moves in the same commit as the row.
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<SourceVersion> SourceVersions => Set<SourceVersion>();

    public DbSet<SourceChange> SourceChanges => Set<SourceChange>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<ClaimEvidence> ClaimEvidence => Set<ClaimEvidence>();

    public DbSet<ContradictionReview> ContradictionReviews => Set<ContradictionReview>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<WatchedSource> WatchedSources => Set<WatchedSource>();

    /// <summary>
    /// The keys that protect sign-in cookies and form tokens, kept here so that every instance on this database signs
    /// and reads them alike: a page served by one instance can be posted to another.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The open transaction wrote what pages show, so its commit moves the <see cref="DataVersion"/>.</summary>
    internal bool DataChangePending { get; set; }

    /// <summary>The <see cref="DataVersion"/> this context read, until it commits a change of its own.</summary>
    internal Task<long>? DataVersionRead { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);

        // Claims have a query filter (suggestions are not claims) and evidence requires its claim. Evidence only ever
        // belongs to claims, since a suggestion cannot be tagged until it is accepted, so the filter never hides the
        // claim of an evidence row, which is what this warning is about.
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));

        // On every context, the app's and those of commands and tests alike, so no write can leave the version behind.
        optionsBuilder.AddInterceptors(DataVersionInterceptor.Instance);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PolicyDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Enums by name, so a reordered enum never changes what stored rows mean.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }

    /// <summary>The history is append-only; a bug that tried to edit it should fail loudly, not rewrite the past.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit history is append-only: entries cannot be changed or deleted.");
        }
    }
}
