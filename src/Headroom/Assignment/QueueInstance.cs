namespace Headroom.Assignment;

// Turns a queue's rules, its reps and leads into the engine's instance (pure). The engine knows
// one territory per rep, a language bit set and skill levels by index; a member covers several
// territories, so region and skill are encoded together: every (skill or none, region or none)
// pair the reps have is one engine skill, at the rep's level in the skill when they cover the
// region (1 for "no skill"), else 0. A lead needing a skill or region no rep has gets an index
// no rep has a level in. Languages compare by primary subtag ignoring case ("zh-CN" is "zh").
// Under the balanced strategy a lead whose company is an account one of the reps owns prefers that
// rep (the engine's preference cost), so it goes to the account owner whenever the balance allows.
public sealed class QueueInstance
{
    private readonly Dictionary<(string? Skill, string? Region), int> _pairs = new(PairComparer.Instance);
    private readonly Dictionary<string, int> _languages = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _accountOwners = new(StringComparer.OrdinalIgnoreCase);
    private readonly AssignmentQueue _queue;
    private readonly int _effortMinutes;

    // accountOwners: account name → the member who owns it (QueueQuery.AccountOwnersAsync); owners
    // who are not among the reps are left out.
    public QueueInstance(AssignmentQueue queue, IReadOnlyList<QueueRep> reps, IReadOnlyList<QueueLead> leads, IReadOnlyDictionary<string, long>? accountOwners = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(reps);
        ArgumentNullException.ThrowIfNull(leads);
        _queue = queue;
        Reps = reps;
        Leads = leads;
        _effortMinutes = Math.Max(1, (int)Math.Round(queue.EffortHoursPerLead * 60));
        if (accountOwners is not null && queue.Strategy == AssignmentStrategy.Balanced)
        {
            var index = reps.Select((r, i) => (r.MemberId, i)).ToDictionary(x => x.MemberId, x => x.i);
            foreach (var (account, owner) in accountOwners)
            {
                if (index.TryGetValue(owner, out var rep))
                {
                    _accountOwners[account.Trim()] = rep;
                }
            }
        }

        var skills = reps.SelectMany(r => r.Skills.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var regions = reps.SelectMany(r => r.Territories).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var skill in skills.Prepend(null))
        {
            foreach (var region in regions.Prepend(null))
            {
                if (skill is not null || region is not null)
                {
                    _pairs[(skill, region)] = _pairs.Count;
                }
            }
        }
        // One bit stays free for a language nobody speaks.
        foreach (var language in reps.SelectMany(r => r.Languages).Select(HardRequirements.PrimaryLanguage).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).Take(63))
        {
            _languages[language] = _languages.Count;
        }

        Statuses = [.. reps.Select(Status)];
        var engineReps = reps.Select((r, i) => ToEngine(r, Statuses[i])).ToList();
        Instance = new AssignmentInstance([.. leads.Select(ItemFor)], engineReps, new AssignmentCostWeights());
        // The same reps without the item caps: who meets the hard requirements at all.
        Unbounded = Instance with { Reps = [.. engineReps.Select((r, i) => Statuses[i] == QueueRepStatus.Full ? r with { MaxItems = int.MaxValue } : r)] };
        Weights = reps.Any(r => r.Weight is not null) ? [.. reps.Select(r => (double)Math.Max(1, r.Weight ?? 1))] : null;
    }

    public IReadOnlyList<QueueRep> Reps { get; }

    public IReadOnlyList<QueueLead> Leads { get; }

    public IReadOnlyList<QueueRepStatus> Statuses { get; }

    public AssignmentInstance Instance { get; }

    public AssignmentInstance Unbounded { get; }

    // Weighted round robin's weights, or null to go by capacity.
    public IReadOnlyList<double>? Weights { get; }

    public int EffortMinutes => _effortMinutes;

    // The lead's hard requirements under the queue's toggles (the same rules rebalance checks).
    public HardRequirements RequirementsOf(QueueLead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return HardRequirements.ForLead(lead.RequiredSkill, lead.RequiredSkillLevel, lead.Language, lead.Region, _queue.MatchSkill, _queue.MatchLanguage, _queue.MatchRegion);
    }

    public AssignmentItem ItemFor(QueueLead lead)
    {
        var requires = RequirementsOf(lead);
        int? pair = requires.Skill is null && requires.Territory is null ? null
            : _pairs.TryGetValue((requires.Skill, requires.Territory), out var index) ? index : _pairs.Count;
        int? language = null;
        if (requires.Language is { } required)
        {
            language = _languages.TryGetValue(HardRequirements.PrimaryLanguage(required), out var bit) ? bit : 63;
        }
        return new AssignmentItem(lead.Id, AssignmentItemKind.Lead, _effortMinutes, Language: language, Skill: pair, SkillLevel: requires.SkillLevel,
            PreferredRep: AccountOwnerOf(lead));
    }

    // The rep index of the member who owns the account named as the lead's company (trimmed,
    // ignoring case), under the balanced strategy.
    public int? AccountOwnerOf(QueueLead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return lead.Company is { } company && _accountOwners.TryGetValue(company.Trim(), out var rep) ? rep : null;
    }

    // The engine's reason, or AccountOwner when the lead went to its company's account owner and
    // others were eligible: the engine judges one lead at a time, so with equal loads it may say
    // "keeps the highest utilization lowest" where the preference chose which lead each rep got.
    public AssignmentDecision DecisionFor(QueueLead lead, AssignmentExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return explanation.DecidedBy != AssignmentDecision.OnlyEligibleRep && explanation.Rep is { } rep && AccountOwnerOf(lead) == rep
            ? AssignmentDecision.AccountOwner
            : explanation.DecidedBy;
    }

    // The rep indexes that meet the lead's hard requirements, room or not.
    public IEnumerable<int> Qualified(QueueLead lead)
    {
        var item = ItemFor(lead);
        return Enumerable.Range(0, Reps.Count).Where(r => Unbounded.IsEligible(item, r));
    }

    private QueueRepStatus Status(QueueRep rep)
    {
        if (rep.OnLeaveToday)
        {
            return QueueRepStatus.OnLeaveToday;
        }
        if (rep.Weight == 0)
        {
            return QueueRepStatus.LeftOut;
        }
        if (!(rep.CapacityHours > 0))
        {
            return QueueRepStatus.NoCapacity;
        }
        return RoomFor(rep) > 0 ? QueueRepStatus.Takes : QueueRepStatus.Full;
    }

    // How many leads of the queue's effort fit under the target utilization and the open-lead cap.
    private int RoomFor(QueueRep rep)
    {
        var minutes = (_queue.TargetUtilization * rep.CapacityHours - rep.LoadHours) * 60;
        var room = minutes <= 0 ? 0 : (long)Math.Floor(minutes / _effortMinutes + 1e-9);
        if (_queue.MaxOpenLeadsPerRep is { } max)
        {
            room = Math.Min(room, Math.Max(0, max - rep.OpenLeads));
        }
        return (int)Math.Min(room, int.MaxValue);
    }

    private AssignmentRep ToEngine(QueueRep rep, QueueRepStatus status)
    {
        var levels = new int[_pairs.Count];
        var covered = rep.Territories.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var skillLevels = new Dictionary<string, int>(rep.Skills, StringComparer.OrdinalIgnoreCase);
        foreach (var ((skill, region), index) in _pairs)
        {
            if (region is not null && !covered.Contains(region))
            {
                continue;
            }
            levels[index] = skill is null ? 1 : skillLevels.GetValueOrDefault(skill);
        }
        ulong languages = 0;
        foreach (var language in rep.Languages)
        {
            if (_languages.TryGetValue(HardRequirements.PrimaryLanguage(language), out var bit))
            {
                languages |= 1UL << bit;
            }
        }
        return new AssignmentRep(
            rep.MemberId,
            CapacityMinutes: (long)Math.Round(Math.Max(0, rep.CapacityHours) * 60),
            CurrentLoadMinutes: (long)Math.Round(Math.Max(0, rep.LoadHours) * 60),
            OptedOut: status is QueueRepStatus.OnLeaveToday or QueueRepStatus.LeftOut,
            MaxItems: status == QueueRepStatus.Takes ? RoomFor(rep) : 0,
            Languages: languages,
            SkillLevels: levels);
    }

    private sealed class PairComparer : IEqualityComparer<(string? Skill, string? Region)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((string? Skill, string? Region) x, (string? Skill, string? Region) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Skill, y.Skill) && StringComparer.OrdinalIgnoreCase.Equals(x.Region, y.Region);

        public int GetHashCode((string? Skill, string? Region) obj) =>
            HashCode.Combine(obj.Skill is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Skill),
                obj.Region is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Region));
    }
}
