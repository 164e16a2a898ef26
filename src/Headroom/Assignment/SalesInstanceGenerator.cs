namespace Headroom.Assignment;

// Seeded sales instances for the "Sales scale" benchmark and the property tests. Reps sit in
// territories of about 25, each territory with a main language; each rep sells two of four product
// lines at levels 1-3, in teams of 10 that cut across territories. Leads (60 %) need territory,
// language and a product line at a level; follow-ups (25 %) stay in the territory and have an
// incumbent; key accounts (15 %) belong to a team and half of them need English. That gives about 10 eligible reps per item.
// Efforts are 1-16 h at standard speed; a rep's seniority scales them (85-120 %); a visit adds
// 1-3 h of travel for reps based in another city. 15 % of reps have 1-4 weeks of leave, 1 % are
// away the whole horizon, 2 % opted out. Capacities are scaled so the reps who take work have 10 %
// more capacity than their current load plus all new effort at standard speed.
public static class SalesInstanceGenerator
{
    private const int Languages = 4;
    private const int ProductLines = 4;
    private const int RepsPerTerritory = 25;
    private const int RepsPerTeam = 10;
    private const int CitiesPerTerritory = 3;
    private const double Slack = 0.10;

    public static AssignmentInstance Generate(int leads, int reps, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leads);
        ArgumentOutOfRangeException.ThrowIfLessThan(reps, 1);
        var random = new Random(seed);
        var territories = Math.Max(1, reps / RepsPerTerritory);
        var teams = Math.Max(1, reps / RepsPerTeam);
        var territoryOf = new int[reps];
        var teamOf = new int[reps];
        for (var r = 0; r < reps; r++)
        {
            territoryOf[r] = r % territories;
            teamOf[r] = r % teams;
        }
        random.Shuffle(territoryOf);
        random.Shuffle(teamOf);

        var shape = new double[reps];
        var leave = new double[reps];
        var loadShare = new double[reps];
        var draft = new AssignmentRep[reps];
        for (var r = 0; r < reps; r++)
        {
            var t = territoryOf[r];
            var languages = 1UL << MainLanguage(t);
            if (random.NextDouble() < 0.6)
            {
                languages |= 1UL;
            }
            if (random.NextDouble() < 0.1)
            {
                languages |= 1UL << random.Next(Languages);
            }
            var levels = new int[ProductLines];
            var first = random.Next(ProductLines);
            var second = (first + 1 + random.Next(ProductLines - 1)) % ProductLines;
            levels[first] = 1 + random.Next(3);
            levels[second] = 1 + random.Next(3);
            shape[r] = random.NextDouble() < 0.1 ? 0.6 : 1.0;
            var away = random.NextDouble();
            leave[r] = away < 0.01 ? 1.0 : away < 0.16 ? (1 + random.Next(4)) / 13.0 : 0;
            var leaveDraft = leave[r] >= 1 ? 1 : 0;
            loadShare[r] = 0.2 + 0.3 * random.NextDouble();
            draft[r] = new AssignmentRep(r + 1, CapacityMinutes: 1, CurrentLoadMinutes: 0,
                LeaveMinutes: leaveDraft, OptedOut: random.NextDouble() < 0.02,
                Territory: t, Team: teamOf[r], Languages: languages, SkillLevels: levels,
                EffortPercent: 85 + random.Next(36),
                Location: t * CitiesPerTerritory + random.Next(CitiesPerTerritory));
        }

        var repsByTeam = Enumerable.Range(0, teams).Select(_ => new List<int>()).ToArray();
        var repsByTerritory = Enumerable.Range(0, territories).Select(_ => new List<int>()).ToArray();
        for (var r = 0; r < reps; r++)
        {
            repsByTeam[teamOf[r]].Add(r);
            repsByTerritory[territoryOf[r]].Add(r);
        }

        var items = new AssignmentItem[leads];
        long newEffort = 0;
        for (var i = 0; i < leads; i++)
        {
            var item = DrawItem(random, i + 1, territories, teams);
            newEffort += item.EffortMinutes;
            items[i] = item;
        }

        // Owners are picked among the eligible reps, if any. Eligibility does not depend on the
        // amount of capacity, so the draft reps (one minute each, unless away or opted out) serve.
        var probe = new AssignmentInstance(items, draft, new AssignmentCostWeights());
        var eligible = new List<int>();
        for (var i = 0; i < leads; i++)
        {
            var item = items[i];
            var pool = item.Team is { } team ? repsByTeam[team] : repsByTerritory[item.Territory ?? 0];
            eligible.Clear();
            foreach (var r in pool)
            {
                if (probe.IsEligible(item, r))
                {
                    eligible.Add(r);
                }
            }
            if (eligible.Count == 0)
            {
                continue;
            }
            var owner = eligible[random.Next(eligible.Count)];
            items[i] = item.Kind switch
            {
                AssignmentItemKind.FollowUp => item with { IncumbentRep = owner },
                AssignmentItemKind.Account when random.NextDouble() < 0.7 => item with { IncumbentRep = owner },
                AssignmentItemKind.Lead when random.NextDouble() < 0.2 => item with { PreferredRep = owner },
                _ => item,
            };
        }

        // Σ available = (1 + slack) (Σ current load + new effort) over reps who take work, with
        // current load = share × available: solve for the minutes in a full horizon.
        double denominator = 0;
        for (var r = 0; r < reps; r++)
        {
            if (!draft[r].OptedOut && leave[r] < 1)
            {
                denominator += shape[r] * (1 - leave[r]) * (1 - (1 + Slack) * loadShare[r]);
            }
        }
        var horizon = (1 + Slack) * newEffort / Math.Max(denominator, 1e-9);
        var result = new AssignmentRep[reps];
        for (var r = 0; r < reps; r++)
        {
            var capacity = (long)Math.Round(horizon * shape[r]);
            var leaveMinutes = (long)Math.Round(capacity * leave[r]);
            var load = (long)Math.Round((capacity - leaveMinutes) * loadShare[r]);
            result[r] = draft[r] with
            {
                CapacityMinutes = capacity,
                LeaveMinutes = leaveMinutes,
                CurrentLoadMinutes = load,
                MaxItems = Math.Max(1, 3 * leads / reps),
            };
        }
        return new AssignmentInstance(items, result, new AssignmentCostWeights());
    }

    // New items arriving after a plan, for the same reps (the online router's benchmark and tests).
    public static IReadOnlyList<AssignmentItem> GenerateArrivals(AssignmentInstance instance, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var random = new Random(seed);
        var territories = instance.Reps.Max(r => r.Territory ?? 0) + 1;
        var teams = instance.Reps.Max(r => r.Team ?? 0) + 1;
        var start = instance.Items.Count == 0 ? 1 : instance.Items.Max(i => i.Id) + 1;
        return [.. Enumerable.Range(0, count).Select(k => DrawItem(random, start + k, territories, teams))];
    }

    private static AssignmentItem DrawItem(Random random, long id, int territories, int teams)
    {
        var kind = random.NextDouble() switch
        {
            < 0.60 => AssignmentItemKind.Lead,
            < 0.85 => AssignmentItemKind.FollowUp,
            _ => AssignmentItemKind.Account,
        };
        var hours = kind switch
        {
            AssignmentItemKind.Lead => 1 + random.Next(12),
            AssignmentItemKind.FollowUp => 1 + random.Next(6),
            _ => 6 + random.Next(11),
        };
        var territory = random.Next(territories);
        var language = random.NextDouble() < 0.85 ? MainLanguage(territory) : 0;
        var visit = kind != AssignmentItemKind.FollowUp && random.NextDouble() < 0.3;
        var item = new AssignmentItem(id, kind, hours * 60, Language: language,
            Location: visit ? territory * CitiesPerTerritory + random.Next(CitiesPerTerritory) : null,
            TravelMinutes: visit ? 60 * (1 + random.Next(3)) : 0);
        return kind switch
        {
            AssignmentItemKind.Lead => item with { Territory = territory, Skill = random.Next(ProductLines), SkillLevel = random.NextDouble() < 0.6 ? 1 : 2 },
            AssignmentItemKind.FollowUp => item with { Territory = territory, Language = null },
            _ => item with { Team = random.Next(teams), Language = random.NextDouble() < 0.5 ? null : 0, Location = null, TravelMinutes = 0 },
    };
    }

    private static int MainLanguage(int territory) => territory % Languages;
}
