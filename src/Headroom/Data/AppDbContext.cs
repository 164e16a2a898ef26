using System.Linq.Expressions;
using Headroom.Accounts;
using Headroom.Activities;
using Headroom.Assignment;
using Headroom.Common;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.FollowUps;
using Headroom.Goals;
using Headroom.Leads;
using Headroom.Organizations;
using Headroom.Reviews;
using Headroom.Wellbeing;
using Headroom.Workload;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Headroom.Data;

// One model for both providers; SqliteAppDbContext and PostgresAppDbContext exist only so each
// provider has its own migration set (docs/decisions/0004-one-migration-set-per-provider.md).
// Identity's user tables (Users is AppUser) live here too, so a sign-in and its member are
// written in one SaveChanges.
public abstract class AppDbContext(DbContextOptions options, TenantContext tenant) : IdentityUserContext<AppUser, long>(options)
{
    public TenantContext Tenant { get; } = tenant;

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberSkill> MemberSkills => Set<MemberSkill>();
    public DbSet<TimeOff> TimeOffs => Set<TimeOff>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<PipelineStage> PipelineStages => Set<PipelineStage>();
    public DbSet<Deal> Deals => Set<Deal>();
    public DbSet<DealStageChange> DealStageChanges => Set<DealStageChange>();
    public DbSet<SalesActivity> SalesActivities => Set<SalesActivity>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<CustomerFeedback> CustomerFeedback => Set<CustomerFeedback>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<OrganizationEffortModel> OrganizationEffortModels => Set<OrganizationEffortModel>();
    public DbSet<PulseResponse> PulseResponses => Set<PulseResponse>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<GoalChange> GoalChanges => Set<GoalChange>();
    public DbSet<TerritoryPotential> TerritoryPotentials => Set<TerritoryPotential>();
    public DbSet<MemberActivityDay> MemberActivityDays => Set<MemberActivityDay>();
    public DbSet<AssignmentLogEntry> AssignmentLog => Set<AssignmentLogEntry>();
    public DbSet<LeaveCover> LeaveCovers => Set<LeaveCover>();
    public DbSet<LeaveCoverLine> LeaveCoverLines => Set<LeaveCoverLine>();
    public DbSet<OrganizationPoolSettings> OrganizationPoolSettings => Set<OrganizationPoolSettings>();
    public DbSet<AssignmentQueue> AssignmentQueues => Set<AssignmentQueue>();
    public DbSet<ScorecardTemplate> ScorecardTemplates => Set<ScorecardTemplate>();
    public DbSet<ReviewCycle> ReviewCycles => Set<ReviewCycle>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ImprovementPlan> ImprovementPlans => Set<ImprovementPlan>();

    // A save that adds, moves or removes activities, or changes a time zone, also brings the
    // activity rollup up to date (docs/decisions/0018), and one that gives a record an owner logs
    // the change (docs/decisions/0030), both in the same transaction. One pass over the change
    // tracker finds both: each Entries() call detects changes over everything tracked.
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var activity = new ActivityDayRollup.Finder();
        var owners = new OwnerChangeLog.Finder();
        foreach (var entry in ChangeTracker.Entries())
        {
            activity.Visit(entry);
            owners.Visit(entry);
        }
        var pending = activity.Result(this);
        var ownerChanges = owners.Result();
        if (pending is null && ownerChanges is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (ownerChanges is not null)
        {
            OwnerChangeLog.Add(this, ownerChanges);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (pending is not null)
        {
            await ActivityDayRollup.ApplyAsync(this, pending, cancellationToken);
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return written;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    // Every tenant index leads with OrgId (for the tenant filter, and for Citus, which distributes
    // by OrgId), so EF's one-column foreign-key indexes are replaced by (OrgId, key) indexes below.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The foreign-key index convention is off (above), so Identity's child tables get theirs here.
        builder.Entity<IdentityUserClaim<long>>().HasIndex(c => c.UserId);
        builder.Entity<IdentityUserLogin<long>>().HasIndex(l => l.UserId);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.Entity<MemberActivityDay>().HasQueryFilter(d => d.OrgId == Tenant.OrgId);

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var clr = entity.ClrType;
            if (typeof(TenantEntity).IsAssignableFrom(clr))
            {
                var entityBuilder = builder.Entity(clr);
                entityBuilder.HasOne(typeof(Organization)).WithMany().HasForeignKey(nameof(TenantEntity.OrgId))
                    .OnDelete(DeleteBehavior.Restrict);
                entityBuilder.HasQueryFilter(TenantFilter(clr));
                IndexForeignKeys(entity, entityBuilder);
            }
            if (typeof(IVersioned).IsAssignableFrom(clr))
            {
                builder.Entity(clr).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
            if (typeof(IExternallyIdentified).IsAssignableFrom(clr))
            {
                builder.Entity(clr).Property(nameof(IExternallyIdentified.ExternalId)).HasMaxLength(200);
                builder.Entity(clr)
                    .HasIndex(nameof(TenantEntity.OrgId), nameof(IExternallyIdentified.ExternalId))
                    .IsUnique();
            }
        }
    }

    private static void IndexForeignKeys(Microsoft.EntityFrameworkCore.Metadata.IMutableEntityType entity, Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder builder)
    {
        foreach (var foreignKey in entity.GetForeignKeys().ToList())
        {
            var columns = foreignKey.Properties.Select(p => p.Name).ToList();
            if (columns is [nameof(TenantEntity.OrgId)])
            {
                continue;
            }
            string[] wanted = [nameof(TenantEntity.OrgId), .. columns];
            var covered = entity.GetIndexes().Any(index =>
                index.Properties.Count >= wanted.Length &&
                index.Properties.Take(wanted.Length).Select(p => p.Name).SequenceEqual(wanted));
            if (!covered)
            {
                var index = builder.HasIndex(wanted);
                // An optional reference is mostly empty on the big tables (an activity has an
                // account or a lead, rarely both); indexing only the rows that have one keeps
                // bulk inserts fast and still serves the foreign-key check.
                if (foreignKey.Properties.All(p => p.IsNullable))
                {
                    index.HasFilter(string.Join(" AND ", columns.Select(c => $"\"{c}\" IS NOT NULL")));
                }
            }
        }
    }

    private LambdaExpression TenantFilter(Type clr)
    {
        // e => e.OrgId == this.Tenant.OrgId, re-evaluated per query against this context instance.
        var e = Expression.Parameter(clr, "e");
        var orgId = Expression.Convert(Expression.Property(e, nameof(TenantEntity.OrgId)), typeof(long?));
        var current = Expression.Property(
            Expression.Property(Expression.Constant(this), nameof(Tenant)), nameof(TenantContext.OrgId));
        return Expression.Lambda(Expression.Equal(orgId, current), e);
    }
}
