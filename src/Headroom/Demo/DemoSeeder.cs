using Bogus;
using Headroom.Accounts;
using Headroom.Assignment;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.FollowUps;
using Headroom.Goals;
using Headroom.Leads;
using Headroom.Organizations;
using Headroom.Reviews;
using Headroom.Workload;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Demo;

// Makes a believable demo organization from a seed: a team tree with managers, reps of
// different seniority and capacity, accounts, leads, a pipeline with realistic win rates and
// cycle lengths, a year of activity, follow-ups, leave and customer feedback. A known subset of
// reps is made to stand out (after hours, overloaded, no recent leave); DemoProfile lists them.
// All in one transaction: a failed or cancelled run leaves nothing behind.
public sealed class DemoSeeder
{
    public const string Password = "headroom-demo";
    public const string EmailDomain = "headroom.example";
    public const int MinimumReps = 6;
    private const int SaveEvery = 2_000;

    private readonly AppDbContext _db;
    private readonly TimeProvider _clock;
    private readonly DemoOptions _options;
    private readonly IProgress<DemoProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly DemoVocabulary _words;
    private readonly DateOnly _today;
    private readonly DateOnly _historyStart;
    private readonly TimeZoneInfo _orgZone;
    private readonly DateTime _nowUtc;
    private readonly List<DemoRepPlan> _reps = [];
    private readonly Dictionary<int, List<Account>> _accountsByRep = [];
    private readonly List<(DemoRepPlan Rep, Deal Deal, DateOnly Closed)> _wonDeals = [];
    private readonly Dictionary<int, List<(Deal Deal, string AccountName)>> _openDealsByRep = [];
    private readonly HashSet<string> _companyNames = [];
    private DemoCalendar _calendar = null!;
    private (string Name, double Weight, string[] Territories, string? TimeZoneId)[] _regions = [];
    private int _pending;
    private int _teams, _members, _accounts, _contacts, _leads, _deals, _followUps, _timeOffs, _feedback;

    private DemoSeeder(AppDbContext db, DemoOptions options, TimeProvider clock, IProgress<DemoProgress>? progress, CancellationToken cancellationToken)
    {
        _db = db;
        _clock = clock;
        _options = options;
        _progress = progress;
        _cancellationToken = cancellationToken;
        _words = DemoVocabulary.For(options.IsChinese);
        _today = options.Today;
        _historyStart = options.Today.AddMonths(-12);
        _orgZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);
        // The demo is seeded "as of" 9:00 on its Today: earlier is history, later is planned.
        _nowUtc = Utc(_today, 9 * 60, _orgZone);
    }

    // The clock only stamps UpdatedUtc on bulk-written rows (as the SaveChanges interceptor does on
    // the rest); the data itself depends on the options alone.
    public static async Task<DemoProfile> SeedAsync(AppDbContext db, DemoOptions options, TimeProvider clock,
        IProgress<DemoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (options.Scale.Reps < MinimumReps)
        {
            throw new ArgumentException($"A demo organization needs at least {MinimumReps} reps.", nameof(options));
        }
        var name = options.ResolvedOrgName;
        var existing = await db.Organizations.Where(o => o.Name == name).Select(o => (long?)o.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is not null && !options.Replace)
        {
            throw new DemoOrganizationExistsException(name);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (existing is { } oldId)
        {
            await DemoReset.DeleteOrganizationAsync(db, oldId, cancellationToken);
        }
        var seeder = new DemoSeeder(db, options, clock, progress, cancellationToken);
        var profile = await seeder.RunAsync(name);
        await transaction.CommitAsync(cancellationToken);
        return profile;
    }

    private async Task<DemoProfile> RunAsync(string name)
    {
        var organization = await OrganizationSetup.CreateAsync(_db, new Organization
        {
            Name = name,
            Currency = _options.Currency,
            TimeZoneId = _options.TimeZoneId,
            DefaultLocale = _options.IsChinese ? DemoOptions.Chinese : DemoOptions.English,
        }, _cancellationToken);
        _calendar = new DemoCalendar(organization.WorkingDays, await _db.CalendarDays.AsNoTracking().ToListAsync(_cancellationToken));
        var stages = await _db.PipelineStages.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(_cancellationToken);
        _db.ChangeTracker.Clear();

        var signIns = await AddPeopleAsync();
        AddTerritoryPotentials();
        await AddAccountsAsync();
        await AddLeadsAsync();
        await AddQueuesAsync();
        await AddDealsAsync(stages);
        await AddFollowUpsAsync();
        await AddLeaveAsync();
        await AddFeedbackAsync();
        // The built-in scorecard, saved as the organization's own: new review cycles start from it (no cycle is made).
        var locale = _options.IsChinese ? DemoOptions.Chinese : DemoOptions.English;
        _db.ScorecardTemplates.Add(new ScorecardTemplate { Name = ScorecardDefaults.Name(locale), Items = ScorecardDefaults.Items(locale), Version = 1 });
        await SaveAsync(force: true);

        Report(DemoPhase.Activities, 0, _reps.Count);
        var activities = await BulkInserter.InsertAsync(_db,
            DemoActivityGenerator.Generate(_reps, _calendar, _options, _historyStart, done => Report(DemoPhase.Activities, done, _reps.Count)),
            _clock, _cancellationToken);
        await ActivityDayRollup.RebuildAsync(_db, organization.Id, null, (done, total) => Report(DemoPhase.ActivityDays, done, total), _cancellationToken);
        await DatabaseSetup.RefreshStatisticsAsync(_db, _cancellationToken);

        return new DemoProfile
        {
            OrgId = organization.Id,
            OrgName = organization.Name,
            Seed = _options.Seed,
            Today = _today,
            HistoryStart = _historyStart,
            AsOfUtc = _nowUtc,
            SignIns = signIns,
            AfterHoursReps = Reps(r => r.AfterHours),
            OverloadedReps = Reps(r => r.Overloaded),
            NoRecentLeaveReps = Reps(r => r.NoRecentLeave),
            Teams = _teams,
            Members = _members,
            Accounts = _accounts,
            Contacts = _contacts,
            Leads = _leads,
            Deals = _deals,
            FollowUps = _followUps,
            TimeOffs = _timeOffs,
            Feedback = _feedback,
            Activities = activities,
        };
    }

    // Each region's share of a market of about three million a year per rep, split among its
    // territories with the first listed (the largest economy) getting the most.
    private void AddTerritoryPotentials()
    {
        var market = _reps.Count * 3_000_000m * 100;
        foreach (var region in _regions)
        {
            var n = region.Territories.Length;
            var ranks = n * (n + 1) / 2m;
            for (var k = 0; k < n; k++)
            {
                _db.TerritoryPotentials.Add(new TerritoryPotential
                {
                    Territory = region.Territories[k], PotentialMinor = (long)Math.Round(market * (decimal)region.Weight * (n - k) / ranks / 100_000) * 100_000,
                });
            }
        }
    }

    private List<DemoRep> Reps(Func<DemoRepPlan, bool> trait) =>
        [.. _reps.Where(trait).Select(r => new DemoRep(r.Member.Id, r.Member.Name, r.Member.Email!))];

    // --- People: the team tree, managers, reps and their sign-ins -------------------------------

    private async Task<List<DemoSignIn>> AddPeopleAsync()
    {
        var repCount = _options.Scale.Reps;
        Report(DemoPhase.Organization, 0, repCount);
        var random = DemoRandom.Stream(_options.Seed, DemoStream.People);
        var faker = NewFaker(DemoStream.Names);
        var regionCount = repCount <= 12 ? 2 : repCount <= 40 ? 3 : repCount <= 150 ? 5 : 7;
        _regions = _words.Regions[..regionCount];
        var perRegion = Distribute(repCount, [.. _regions.Select(r => r.Weight)]);

        var root = AddTeam(_words.RootTeam, null);
        var regionTeams = new List<Team>();
        var repTeams = new List<(Team Team, int Region, int Reps)>();
        for (var r = 0; r < regionCount; r++)
        {
            var regionTeam = AddTeam(_regions[r].Name, root);
            regionTeams.Add(regionTeam);
            var groups = perRegion[r] > 12 ? (int)Math.Ceiling(perRegion[r] / 10.0) : 1;
            var perGroup = Distribute(perRegion[r], [.. Enumerable.Repeat(1.0, groups)]);
            for (var g = 0; g < groups; g++)
            {
                repTeams.Add((groups == 1 ? regionTeam : AddTeam(_words.GroupName(_regions[r].Name, g + 1), regionTeam), r, perGroup[g]));
            }
        }
        await SaveAsync(force: true, keepTracking: true);

        var vp = AddMember(PersonName(faker), "vp", MemberRole.Manager, root, _words.VpTitle, random, seniority: 3);
        var admin = AddMember(PersonName(faker), "admin", MemberRole.Admin, root, _words.AdminTitle, random, seniority: 2);
        var managers = new List<Member>();
        for (var r = 0; r < regionCount; r++)
        {
            managers.Add(AddMember(PersonName(faker), r == 0 ? "manager" : $"manager{r + 1}", MemberRole.Manager, regionTeams[r],
                _words.RegionalManagerTitle, random, seniority: 3, region: r));
        }
        var leads = new List<(Team Team, Member Lead)>();
        var leadNumber = 0;
        foreach (var (team, region, _) in repTeams.Where(t => !regionTeams.Contains(t.Team)))
        {
            leads.Add((team, AddMember(PersonName(faker), $"lead{++leadNumber:D3}", MemberRole.Manager, team, _words.TeamLeadTitle,
                random, seniority: 3, region: region)));
        }

        // Stand-outs: one rep with every trait (the burnout case), then disjoint groups. Rep 0 is
        // the rep sign-in and stays ordinary.
        var standOut = Math.Max(2, (int)Math.Round(repCount * 0.1));
        var order = Enumerable.Range(1, repCount - 1).ToArray();
        random.Shuffle(order);
        var afterHours = order.Take(standOut).ToHashSet();
        var overloaded = order.Skip(standOut).Take(standOut - 1).Append(order[0]).ToHashSet();
        var noLeave = order.Skip((2 * standOut) - 1).Take(standOut - 1).Append(order[0]).ToHashSet();

        var index = 0;
        foreach (var (team, region, count) in repTeams)
        {
            for (var i = 0; i < count; i++, index++)
            {
                _reps.Add(AddRep(index, team, region, faker, random, afterHours.Contains(index), overloaded.Contains(index), noLeave.Contains(index)));
            }
        }
        AddBackupTerritories();
        await SaveAsync(force: true, keepTracking: true);

        root.ManagerId = vp.Id;
        for (var r = 0; r < regionCount; r++)
        {
            regionTeams[r].ManagerId = managers[r].Id;
        }
        foreach (var (team, lead) in leads)
        {
            team.ManagerId = lead.Id;
        }
        var signIns = new List<DemoSignIn>();
        // One hash for the shared demo password: each costs 210,000 PBKDF2 iterations.
        var hash = AppUsers.Hash(Password);
        foreach (var member in new[] { admin, managers[0], _reps[0].Member })
        {
            var user = AppUsers.For(member, member.OrgId, member.Email!);
            user.PasswordHash = hash;
            _db.Users.Add(user);
            signIns.Add(new DemoSignIn(member.Role, member.Name, member.Email!, Password));
        }
        await SaveAsync(force: true);
        Report(DemoPhase.Organization, repCount, repCount);
        return signIns;
    }

    private Team AddTeam(string name, Team? parent)
    {
        _teams++;
        return _db.Teams.Add(new Team { Name = name, ParentTeam = parent }).Entity;
    }

    private Member AddMember(string name, string mailbox, MemberRole role, Team team, string title, Random random, int seniority, int? region = null)
    {
        _members++;
        var member = new Member
        {
            Name = name,
            Email = $"{mailbox}@{EmailDomain}",
            Role = role,
            Team = team,
            Title = title,
            HireDate = _today.AddMonths(-HireMonthsAgo(seniority, random)),
            Territories = region is { } r ? [.. _regions[r].Territories] : [],
            Languages = Languages(random),
            Locale = _options.IsChinese ? DemoOptions.Chinese : DemoOptions.English,
            TimeZoneId = _regions[region ?? 0].TimeZoneId,
        };
        return _db.Members.Add(member).Entity;
    }

    // No province rests on one rep: each rep's first territory is covered by the next teammate
    // as well, the way a team pairs reps on a province, so a rebalance or a leave cover can move
    // an account to someone who covers its territory. Done without the random stream, so the
    // rest of the demo is unchanged.
    private void AddBackupTerritories()
    {
        foreach (var team in _reps.GroupBy(r => r.Member.Team).Select(g => g.ToList()).Where(t => t.Count > 1))
        {
            for (var i = 0; i < team.Count; i++)
            {
                var next = team[(i + 1) % team.Count].Member;
                if (team[i].Member.Territories is [var first, ..] && !next.Territories.Contains(first))
                {
                    next.Territories.Add(first);
                }
            }
        }
    }

    private DemoRepPlan AddRep(int index, Team team, int region, Faker faker, Random random, bool afterHours, bool overloaded, bool noLeave)
    {
        var seniority = random.PickWeighted<int>([(0, 30), (1, 35), (2, 25), (3, 10)]);
        var hireMonths = HireMonthsAgo(seniority, random);
        if (afterHours || overloaded || noLeave)
        {
            // Stand-outs have been here long enough for their pattern to be a pattern.
            hireMonths = Math.Max(hireMonths, 18);
        }
        var partTime = !overloaded && random.Chance(0.15);
        var territories = _regions[region].Territories;
        var skills = _words.Skills.OrderBy(_ => random.Next()).Take(random.Between(2, 4))
            .Select(s => new MemberSkill { Skill = s, Level = Math.Clamp(seniority + random.Between(0, 2), 1, 5) })
            .ToList();
        var member = new Member
        {
            Name = PersonName(faker),
            Email = index == 0 ? $"rep@{EmailDomain}" : $"rep{index:D4}@{EmailDomain}",
            Role = MemberRole.Rep,
            Team = team,
            Title = _words.RepTitles[seniority],
            HireDate = _today.AddMonths(-hireMonths).AddDays(-random.Next(28)),
            WeeklyCapacityHours = partTime ? random.Pick([20.0, 24, 30, 32]) : 40,
            Territories = [.. territories.OrderBy(_ => random.Next()).Take(random.Between(1, 2))],
            Languages = Languages(random),
            Skills = skills,
            Locale = _options.IsChinese ? DemoOptions.Chinese : DemoOptions.English,
            TimeZoneId = _regions[region].TimeZoneId,
        };
        _db.Members.Add(member);
        _members++;
        return new DemoRepPlan
        {
            Index = index,
            Member = member,
            RegionIndex = region,
            Seniority = seniority,
            Zone = _regions[region].TimeZoneId is { } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : _orgZone,
            HireDate = member.HireDate!.Value,
            AfterHours = afterHours,
            Overloaded = overloaded,
            NoRecentLeave = noLeave,
        };
    }

    private static int HireMonthsAgo(int seniority, Random random) => seniority switch
    {
        0 => random.Chance(0.2) ? random.Between(1, 4) : random.Between(5, 24),
        1 => random.Between(12, 48),
        2 => random.Between(24, 84),
        _ => random.Between(48, 144),
    };

    private List<string> Languages(Random random)
    {
        List<string> languages = [_words.NativeLanguage];
        if (random.Chance(_options.IsChinese ? 0.4 : 0.2))
        {
            languages.Add(random.Pick(_words.SecondLanguages));
        }
        return languages;
    }

    private string PersonName(Faker faker) =>
        _options.IsChinese ? faker.Name.LastName() + faker.Name.FirstName() : faker.Name.FullName();

    // --- Accounts and contacts -------------------------------------------------------------------

    private async Task AddAccountsAsync()
    {
        var random = DemoRandom.Stream(_options.Seed, DemoStream.Accounts);
        var faker = NewFaker(DemoStream.Accounts);
        Report(DemoPhase.Accounts, 0, _reps.Count);
        var batch = new List<Account>();
        foreach (var rep in _reps)
        {
            var count = (int)Math.Round(_options.Scale.AccountsPerRep * (rep.Overloaded ? 1.8 : 1.0) * (0.6 + (0.4 * rep.CapacityFactor)));
            var owned = new List<Account>();
            (AccountTier, int)[] tiers = rep.Seniority == 3
                ? [(AccountTier.A, 20), (AccountTier.B, 30), (AccountTier.C, 30), (AccountTier.D, 20)]
                : [(AccountTier.A, 4), (AccountTier.B, 14), (AccountTier.C, 32), (AccountTier.D, 50)];
            for (var i = 0; i < count; i++)
            {
                owned.Add(NewAccount(random, faker, rep.RegionIndex, random.PickWeighted(tiers), rep.Member.Id, rep.Member.Territories));
            }
            // Some of each region's accounts sit unowned in the customer pool (公海).
            for (var i = 0; i < count / 10; i++)
            {
                var pooled = NewAccount(random, faker, rep.RegionIndex, random.PickWeighted<AccountTier>([(AccountTier.C, 40), (AccountTier.D, 60)]), null, []);
                pooled.PoolTeamId = rep.Member.TeamId;
                batch.Add(pooled);
            }
            _accountsByRep[rep.Index] = owned;
            batch.AddRange(owned);
            if (batch.Count >= SaveEvery / 3)
            {
                await SaveAccountsAsync(batch, random, faker);
                Report(DemoPhase.Accounts, rep.Index + 1, _reps.Count);
            }
        }
        await SaveAccountsAsync(batch, random, faker);
        foreach (var rep in _reps)
        {
            rep.AccountIds = [.. _accountsByRep[rep.Index].Select(a => a.Id)];
        }
        Report(DemoPhase.Accounts, _reps.Count, _reps.Count);
    }

    private Account NewAccount(Random random, Faker faker, int region, AccountTier tier, long? ownerId, List<string> territories)
    {
        _accounts++;
        return new Account
        {
            Name = CompanyName(random, faker),
            Tier = tier,
            Industry = random.Pick(_words.Industries),
            Region = _regions[region].Name,
            Territory = territories.Count > 0 ? random.Pick(territories) : random.Pick(_regions[region].Territories),
            OwnerId = ownerId,
            Status = ownerId is null ? random.PickWeighted<AccountStatus>([(AccountStatus.Prospect, 60), (AccountStatus.Dormant, 40)])
                : random.PickWeighted<AccountStatus>([(AccountStatus.Active, 80), (AccountStatus.Prospect, 12), (AccountStatus.Dormant, 6), (AccountStatus.Churned, 2)]),
            CreatedUtc = Utc(_today.AddDays(-random.Between(30, 5 * 365)), random.Between(9 * 60, 18 * 60), _orgZone),
        };
    }

    private async Task SaveAccountsAsync(List<Account> batch, Random random, Faker faker)
    {
        _db.Accounts.AddRange(batch);
        await SaveAsync(force: true);
        foreach (var account in batch)
        {
            var contacts = account.Tier switch
            {
                AccountTier.A => random.Between(3, 5),
                AccountTier.B => random.Between(2, 3),
                AccountTier.C => random.Between(1, 2),
                _ => 1,
            };
            for (var i = 0; i < contacts; i++)
            {
                _contacts++;
                _db.Contacts.Add(new Contact
                {
                    AccountId = account.Id,
                    Name = PersonName(faker),
                    Title = random.Pick(_words.ContactTitles),
                    Email = $"{faker.Random.AlphaNumeric(8)}@{faker.Random.AlphaNumeric(6)}.example.com",
                    Phone = _options.IsChinese
                        ? $"1{random.Pick(new[] { 3, 5, 8 })}{random.Next(100_000_000, 999_999_999)}"
                        : $"+1 {random.Next(200, 999)}-{random.Next(200, 999)}-{random.Next(1000, 9999)}",
                });
            }
        }
        await SaveAsync(force: true);
        batch.Clear();
    }

    private string CompanyName(Random random, Faker faker)
    {
        string name;
        var attempt = 0;
        do
        {
            name = _options.IsChinese
                ? random.Pick(_words.CompanyPrefixes) + random.Pick(_words.CompanyStems) + random.Pick(_words.CompanyStems) + random.Pick(_words.CompanySuffixes)
                : faker.Company.CompanyName();
            if (++attempt > 5)
            {
                name += _options.IsChinese ? $"（{attempt}）" : $" {attempt}";
            }
        }
        while (!_companyNames.Add(name));
        return name;
    }

    // --- Leads -----------------------------------------------------------------------------------

    private async Task AddLeadsAsync()
    {
        var random = DemoRandom.Stream(_options.Seed, DemoStream.Leads);
        var faker = NewFaker(DemoStream.Leads);
        Report(DemoPhase.Leads, 0, _reps.Count);
        var ownedByRep = new List<(DemoRepPlan Rep, List<Lead> Leads)>();
        foreach (var rep in _reps)
        {
            var owned = new List<Lead>();
            var count = (int)Math.Round(_options.Scale.LeadsPerRep * (rep.Overloaded ? 1.5 : 1.0) * rep.CapacityFactor);
            for (var i = 0; i < count; i++)
            {
                owned.Add(NewLead(random, faker, rep));
            }
            // Unassigned leads waiting in the region's pool. Every third comes from one of this
            // rep's customers (the company is an account they own), so the balanced queue has leads
            // to keep with their account owner; derived from the count, so no random draw shifts.
            var customers = _accountsByRep.GetValueOrDefault(rep.Index) ?? [];
            for (var i = 0; i < count / 6; i++)
            {
                var waiting = NewLead(random, faker, null, rep.RegionIndex);
                waiting.PoolTeamId = rep.Member.TeamId;
                if (i % 3 == 0 && customers.Count > 0)
                {
                    waiting.Company = customers[i / 3 % customers.Count].Name;
                }
            }
            await SaveAsync();
            Report(DemoPhase.Leads, rep.Index + 1, _reps.Count);
            ownedByRep.Add((rep, owned));
        }
        await SaveAsync(force: true);
        foreach (var (rep, owned) in ownedByRep)
        {
            rep.LeadIds = [.. owned.Where(l => l.Status is LeadStatus.New or LeadStatus.Working or LeadStatus.Qualified).Select(l => l.Id)];
        }
        Report(DemoPhase.Leads, _reps.Count, _reps.Count);
    }

    // Two assignment queues over the pool leads just added, so the queue pages have something to
    // run: the team with the most overloaded reps routes new leads automatically with the balanced
    // strategy (skill and language must match; a rep takes at most 40 open leads); another team
    // hands out its busiest source's leads by hand to the least loaded rep up to 90 % utilization.
    // No random draw: the rest of the data stays as it was for a seed.
    private async Task AddQueuesAsync()
    {
        var byTeam = _reps.Where(r => r.Member.TeamId is not null).GroupBy(r => r.Member.TeamId!.Value)
            .Select(g => (Team: g.Key, Overloaded: g.Count(r => r.Overloaded), First: g.Min(r => r.Index))).ToList();
        var busy = byTeam.OrderByDescending(t => t.Overloaded).ThenBy(t => t.First).First().Team;
        var teamIds = byTeam.Select(t => t.Team).ToList();
        var names = await _db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, _cancellationToken);
        _db.AssignmentQueues.Add(new AssignmentQueue
        {
            Name = _words.BalancedQueueName(names[busy]), TeamId = busy, Strategy = AssignmentStrategy.Balanced, AutoRoute = true,
            MatchSkill = true, MatchLanguage = true, TargetUtilization = 1, MaxOpenLeadsPerRep = 40,
        });
        if (byTeam.Where(t => t.Team != busy).OrderBy(t => t.Overloaded).ThenBy(t => t.First).Select(t => (long?)t.Team).FirstOrDefault() is { } other)
        {
            var source = _words.LeadSources.MaxBy(s => s.Weight).Name;
            _db.AssignmentQueues.Add(new AssignmentQueue
            {
                Name = _words.SourceQueueName(names[other], source), TeamId = other, Strategy = AssignmentStrategy.LeastLoaded, LeadSource = source,
                MatchSkill = true, MatchLanguage = true, TargetUtilization = 0.9,
            });
        }
        await SaveAsync(force: true);
    }

    private Lead NewLead(Random random, Faker faker, DemoRepPlan? owner, int region = 0)
    {
        _leads++;
        var withSkill = random.Chance(0.6);
        var lead = new Lead
        {
            Name = PersonName(faker),
            Company = CompanyName(random, faker),
            Source = random.PickWeighted(_words.LeadSources),
            Region = _regions[owner?.RegionIndex ?? region].Name,
            RequiredSkill = withSkill ? random.Pick(_words.Skills) : null,
            RequiredSkillLevel = withSkill ? random.Between(1, 4) : null,
            Language = random.PickWeighted(_words.LeadLanguages),
            EstimatedValueMinor = Amount(random, random.Chance(0.3) ? AccountTier.C : AccountTier.D),
            Status = owner is null ? LeadStatus.New
                : random.PickWeighted<LeadStatus>([(LeadStatus.New, 25), (LeadStatus.Working, 30), (LeadStatus.Qualified, 15), (LeadStatus.Disqualified, 18), (LeadStatus.Converted, 12)]),
            OwnerId = owner?.Member.Id,
            CreatedUtc = Utc(_today.AddDays(-random.Between(1, 360)), random.Between(8 * 60, 20 * 60), _orgZone),
        };
        // A lead that moved on did so some days after it came in (the fairness audit credits back
        // one disqualified within two weeks); derived from the count, so no random draw shifts.
        if (lead.Status != LeadStatus.New)
        {
            var moved = lead.CreatedUtc.AddDays(_leads % 29);
            lead.StatusChangedUtc = moved < _nowUtc ? moved : _nowUtc;
        }
        _db.Leads.Add(lead);
        _pending++;
        return lead;
    }

    // --- Deals -----------------------------------------------------------------------------------

    private async Task AddDealsAsync(List<PipelineStage> stages)
    {
        var random = DemoRandom.Stream(_options.Seed, DemoStream.Deals);
        // A stream of its own, so the path through the stages leaves every other figure as it was.
        var paths = DemoRandom.Stream(_options.Seed, DemoStream.StageHistory);
        var openStages = stages.Where(s => s.ClosesAs is null).ToList();
        var won = stages.Single(s => s.ClosesAs == DealOutcome.Won);
        var lost = stages.Single(s => s.ClosesAs == DealOutcome.Lost);
        Report(DemoPhase.Deals, 0, _reps.Count);
        var windows = new List<(DemoRepPlan Rep, Deal Deal, DateOnly Start, DateOnly End)>();
        foreach (var rep in _reps)
        {
            var accounts = _accountsByRep[rep.Index];
            _openDealsByRep[rep.Index] = [];
            if (accounts.Count == 0)
            {
                continue;
            }
            var count = (int)Math.Round(_options.Scale.DealsPerRep * rep.CapacityFactor);
            // Overloaded reps carry a pile of extra recent, still-open deals.
            var extraOpen = rep.Overloaded ? _options.Scale.DealsPerRep / 2 : 0;
            for (var i = 0; i < count + extraOpen; i++)
            {
                var account = PickAccount(random, accounts);
                var (cycleMin, cycleMax) = account.Tier switch
                {
                    AccountTier.A => (90, 115),
                    AccountTier.B => (60, 90),
                    AccountTier.C => (40, 70),
                    _ => (30, 45),
                };
                var cycle = random.Between(cycleMin, cycleMax);
                var created = i >= count
                    ? _today.AddDays(-random.Between(1, 60))
                    : _historyStart.AddDays(random.Between(-cycle, _today.DayNumber - _historyStart.DayNumber - 1));
                var wins = random.Chance(account.Tier switch { AccountTier.A => 0.31, AccountTier.B => 0.29, AccountTier.C => 0.27, _ => 0.25 });
                var closeAfter = wins
                    ? Math.Clamp((int)Math.Round(cycle * random.Between(0.9, 1.1)), 30, 120)
                    : Math.Max(7, (int)Math.Round(cycle * random.Between(0.3, 1.05)));
                var closed = created.AddDays(closeAfter);
                var deal = new Deal
                {
                    Name = $"{account.Name} - {random.Pick(_words.Products)}",
                    AccountId = account.Id,
                    OwnerId = rep.Member.Id,
                    AmountMinor = Amount(random, account.Tier),
                    CreatedUtc = Utc(created, random.Between(9 * 60, 18 * 60), rep.Zone),
                };
                var open = closed >= _today || i >= count;
                if (open)
                {
                    var progress = (_today.DayNumber - created.DayNumber) / (double)cycle;
                    deal.StageId = openStages[Math.Clamp((int)(progress * openStages.Count), 0, openStages.Count - 1)].Id;
                    // About one open deal in eight has slipped past its expected close.
                    deal.ExpectedCloseDate = random.Chance(0.12) ? _today.AddDays(-random.Between(1, 30)) : created.AddDays(Math.Max(cycle, _today.DayNumber - created.DayNumber + 7));
                    _openDealsByRep[rep.Index].Add((deal, account.Name));
                }
                else
                {
                    deal.StageId = wins ? won.Id : lost.Id;
                    deal.Outcome = wins ? DealOutcome.Won : DealOutcome.Lost;
                    deal.ExpectedCloseDate = created.AddDays(cycle);
                    deal.ClosedUtc = Utc(closed, random.Between(10 * 60, 18 * 60), rep.Zone);
                    deal.LostReason = wins ? null : random.Pick(_words.LostReasons);
                    if (wins)
                    {
                        _wonDeals.Add((rep, deal, closed));
                    }
                }
                AddStagePath(paths, deal, openStages, open, wins, closeAfter / (double)cycle);
                _db.Deals.Add(deal);
                _deals++;
                _pending++;
                windows.Add((rep, deal, created, open ? _today.AddDays(DemoActivityGenerator.PlannedDays) : closed));
            }
            await SaveAsync();
            Report(DemoPhase.Deals, rep.Index + 1, _reps.Count);
        }
        await SaveAsync(force: true);
        foreach (var group in windows.GroupBy(w => w.Rep))
        {
            group.Key.Deals = [.. group.Select(w => new DemoDealWindow(w.Deal.Id, w.Deal.AccountId, w.Start, w.End))];
        }
        Report(DemoPhase.Deals, _reps.Count, _reps.Count);
    }

    // The stages a deal went through, in order, spread over its life: an open deal up to the stage
    // it is in, a won one through every open stage, a lost one as far as it got before it was lost
    // (the further the longer it lived).
    private void AddStagePath(Random random, Deal deal, List<PipelineStage> openStages, bool open, bool won, double lifeShare)
    {
        var last = open
            ? openStages.FindIndex(s => s.Id == deal.StageId)
            : won ? openStages.Count - 1
            : Math.Clamp((int)(lifeShare * openStages.Count * random.Between(0.5, 1.0)), 0, openStages.Count - 1);
        var end = deal.ClosedUtc ?? Utc(_today, 9 * 60, TimeZoneInfo.Utc);
        var steps = last + 1 + (open ? 0 : 1);
        long? from = null;
        for (var i = 0; i <= last; i++)
        {
            var at = deal.CreatedUtc + ((end - deal.CreatedUtc) * i / steps);
            _db.DealStageChanges.Add(new DealStageChange { Deal = deal, FromStageId = from, ToStageId = openStages[i].Id, ChangedUtc = at });
            from = openStages[i].Id;
        }
        if (!open)
        {
            _db.DealStageChanges.Add(new DealStageChange { Deal = deal, FromStageId = from, ToStageId = deal.StageId, ChangedUtc = end });
        }
    }

    // Bigger accounts see more deals.
    private static Account PickAccount(Random random, List<Account> accounts)
    {
        while (true)
        {
            var account = random.Pick(accounts);
            var weight = account.Tier switch { AccountTier.A => 1.0, AccountTier.B => 0.8, AccountTier.C => 0.6, _ => 0.45 };
            if (random.Chance(weight))
            {
                return account;
            }
        }
    }

    private long Amount(Random random, AccountTier tier)
    {
        var (min, max) = _words.AmountRanges[(int)tier];
        // Log-uniform, rounded to hundreds: many small deals, few large ones.
        var major = Math.Exp(random.Between(Math.Log(min), Math.Log(max)));
        return (long)Math.Round(major / 100) * 100 * 100;
    }

    // --- Follow-ups, leave and feedback -----------------------------------------------------------

    private async Task AddFollowUpsAsync()
    {
        var random = DemoRandom.Stream(_options.Seed, DemoStream.FollowUps);
        Report(DemoPhase.FollowUps, 0, _reps.Count);
        foreach (var rep in _reps)
        {
            var accounts = _accountsByRep[rep.Index];
            var openDeals = _openDealsByRep[rep.Index];
            if (accounts.Count == 0)
            {
                continue;
            }
            var open = rep.Overloaded ? random.Between(30, 45) : random.Between(5, 12);
            var overdueShare = rep.Overloaded ? 0.4 : 0.15;
            var done = random.Between(10, 20);
            for (var i = 0; i < open + done; i++)
            {
                var isOpen = i < open;
                var due = isOpen
                    ? random.Chance(overdueShare) ? _today.AddDays(-random.Between(1, 21)) : _today.AddDays(random.Between(0, 30))
                    : _today.AddDays(-random.Between(1, 330));
                var followUp = new FollowUp
                {
                    Title = "",
                    AssigneeId = rep.Member.Id,
                    DueUtc = Utc(due, 18 * 60, rep.Zone),
                    EffortHours = random.Pick([0.25, 0.5, 0.5, 1, 1, 1, 1.5, 2, 3, 4]),
                    Status = isOpen ? FollowUpStatus.Open : random.Chance(0.9) ? FollowUpStatus.Done : FollowUpStatus.Cancelled,
                    Priority = random.PickWeighted<FollowUpPriority>([(FollowUpPriority.Low, 15), (FollowUpPriority.Normal, 55), (FollowUpPriority.High, 22), (FollowUpPriority.Urgent, 8)]),
                };
                var created = Min(due.AddDays(-random.Between(1, 14)), _today.AddDays(-1));
                followUp.CreatedUtc = Utc(created, random.Between(9 * 60, 18 * 60), rep.Zone);
                string accountName;
                if (isOpen && openDeals.Count > 0 && random.Chance(0.5))
                {
                    var (deal, name) = random.Pick(openDeals);
                    followUp.DealId = deal.Id;
                    followUp.AccountId = deal.AccountId;
                    accountName = name;
                }
                else
                {
                    var account = random.Pick(accounts);
                    followUp.AccountId = account.Id;
                    accountName = account.Name;
                }
                followUp.Title = string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(_words.FollowUpTitles), accountName);
                if (followUp.Status == FollowUpStatus.Done)
                {
                    followUp.CompletedUtc = Utc(Min(due.AddDays(random.Between(-3, 2)), _today.AddDays(-1)), random.Between(9 * 60, 19 * 60), rep.Zone);
                }
                _db.FollowUps.Add(followUp);
                _followUps++;
                _pending++;
            }
            await SaveAsync();
            Report(DemoPhase.FollowUps, rep.Index + 1, _reps.Count);
        }
        await SaveAsync(force: true);
        Report(DemoPhase.FollowUps, _reps.Count, _reps.Count);
    }

    private async Task AddLeaveAsync()
    {
        var random = DemoRandom.Stream(_options.Seed, DemoStream.Leave);
        Report(DemoPhase.Leave, 0, _reps.Count);
        var horizon = _today.AddDays(30);
        var noLeaveSince = _today.AddMonths(-7);
        foreach (var rep in _reps)
        {
            var first = rep.HireDate > _historyStart ? rep.HireDate : _historyStart;
            var last = rep.NoRecentLeave ? noLeaveSince.AddDays(-7) : horizon;
            if (last <= first || (rep.NoRecentLeave && random.Chance(0.4)))
            {
                continue;
            }
            var blocks = rep.NoRecentLeave ? 1 : random.Between(1, 3);
            for (var b = 0; b < blocks; b++)
            {
                AddTimeOff(rep, random, first, last, random.Between(1, 5), random.Chance(0.05) ? TimeOffKind.Training : TimeOffKind.Vacation);
            }
            for (var s = rep.NoRecentLeave ? 0 : random.Between(0, 3); s > 0; s--)
            {
                AddTimeOff(rep, random, first, last, 1, TimeOffKind.Sick);
            }
            await SaveAsync();
            Report(DemoPhase.Leave, rep.Index + 1, _reps.Count);
        }
        await SaveAsync(force: true);
        Report(DemoPhase.Leave, _reps.Count, _reps.Count);
    }

    // A block of workdays (weekends inside it included in the range), never overlapping another.
    private void AddTimeOff(DemoRepPlan rep, Random random, DateOnly first, DateOnly last, int workdays, TimeOffKind kind)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var start = _calendar.NextWorkday(first.AddDays(random.Next(last.DayNumber - first.DayNumber)));
            var end = start;
            for (var left = workdays - 1; left > 0; left--)
            {
                end = _calendar.NextWorkday(end.AddDays(1));
            }
            if (end > last || Days(start, end).Any(d => rep.LeaveDays.Contains(d.AddDays(-1)) || rep.LeaveDays.Contains(d) || rep.LeaveDays.Contains(d.AddDays(1))))
            {
                continue;
            }
            foreach (var day in Days(start, end))
            {
                rep.LeaveDays.Add(day);
            }
            _db.TimeOffs.Add(new TimeOff
            {
                MemberId = rep.Member.Id,
                StartDate = start,
                EndDate = end,
                Kind = kind,
                Note = kind == TimeOffKind.Sick ? _words.LeaveNotes[1] : _words.LeaveNotes[0],
            });
            _timeOffs++;
            _pending++;
            return;
        }
    }

    private async Task AddFeedbackAsync()
    {
        var random = DemoRandom.Stream(_options.Seed, DemoStream.Feedback);
        Report(DemoPhase.Feedback, 0, _reps.Count);
        // CSAT after a won deal; overloaded reps' customers notice.
        foreach (var (rep, deal, closed) in _wonDeals)
        {
            var date = closed.AddDays(random.Between(3, 20));
            if (date >= _today || !random.Chance(0.7))
            {
                continue;
            }
            int[] weights = rep.Overloaded ? [6, 10, 22, 36, 26] : [3, 5, 12, 35, 45];
            AddFeedback(random, FeedbackKind.Csat, random.PickWeighted<int>([.. weights.Select((w, i) => (i + 1, w))]), deal.AccountId, deal.Id, date);
        }
        // NPS surveys: each quarter for A and B accounts, now and then for the rest.
        foreach (var rep in _reps)
        {
            foreach (var account in _accountsByRep[rep.Index])
            {
                var surveys = account.Tier is AccountTier.A or AccountTier.B ? 4 : random.Chance(0.25) ? 1 : 0;
                for (var q = 0; q < surveys; q++)
                {
                    if (random.Chance(0.6))
                    {
                        var date = _historyStart.AddDays((q * 91) + random.Between(0, 85));
                        AddFeedback(random, FeedbackKind.Nps, random.PickWeighted<int>([(10, 22), (9, 26), (8, 18), (7, 12), (6, 7), (5, 5), (4, 3), (3, 3), (2, 2), (1, 1), (0, 1)]), account.Id, null, Min(date, _today.AddDays(-1)));
                    }
                }
            }
            await SaveAsync();
            Report(DemoPhase.Feedback, rep.Index + 1, _reps.Count);
        }
        await SaveAsync(force: true);
        Report(DemoPhase.Feedback, _reps.Count, _reps.Count);
    }

    private void AddFeedback(Random random, FeedbackKind kind, int score, long accountId, long? dealId, DateOnly date)
    {
        _db.CustomerFeedback.Add(new CustomerFeedback
        {
            Kind = kind,
            Score = score,
            AccountId = accountId,
            DealId = dealId,
            Date = date,
            Comment = random.Chance(0.3) ? random.Pick(_words.FeedbackComments) : null,
        });
        _feedback++;
        _pending++;
    }

    // --- Plumbing ------------------------------------------------------------------------------

    // Saves every few thousand rows and forgets them, so change tracking never grows with the
    // organization; saved entities keep their generated ids for the phases after.
    private async Task SaveAsync(bool force = false, bool keepTracking = false)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (!force && _pending < SaveEvery)
        {
            return;
        }
        await _db.SaveChangesAsync(_cancellationToken);
        _pending = 0;
        if (!keepTracking)
        {
            _db.ChangeTracker.Clear();
        }
    }

    private Faker NewFaker(DemoStream stream) =>
        new(_options.IsChinese ? "zh_CN" : "en") { Random = new Randomizer(DemoRandom.Seed(_options.Seed, stream)) };

    private void Report(DemoPhase phase, long done, long total) => _progress?.Report(new DemoProgress(phase, done, total));

    private static DateTime Utc(DateOnly day, int minuteOfDay, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay);
        return DateTime.SpecifyKind(local - zone.GetUtcOffset(local), DateTimeKind.Utc);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    // Splits total into parts proportional to the weights, each at least 1.
    private static int[] Distribute(int total, double[] weights)
    {
        var sum = weights.Sum();
        var parts = weights.Select(w => Math.Max(1, (int)Math.Floor(total * w / sum))).ToArray();
        var i = 0;
        while (parts.Sum() < total)
        {
            parts[i++ % parts.Length]++;
        }
        while (parts.Sum() > total)
        {
            var largest = Array.IndexOf(parts, parts.Max());
            parts[largest]--;
        }
        return parts;
    }
}
