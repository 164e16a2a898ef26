using Headroom.Workload;

namespace Headroom.Assignment;

// Proposes moves of open work between teammates that bring everyone within the healthy band
// (the effort model's limits) with the fewest weighted moves, or the most relief within K moves.
// Greedy: the most utilized member over the band gives first; the item is the lightest one that
// brings them back within the band alone, else the one with the most hours per unit of weight;
// the receiver is the eligible teammate (same team, a rep, not on leave, meeting the item's hard
// requirements: territory, language, skill) who stays within the band and is least utilized afterwards. Then an improvement pass drops moves that are no longer needed
// and replaces two moves of one giver by one lighter move, and the greedy runs again on what is
// left. Pure: the same inputs always give the same proposal. See docs/decisions/0025.
public static class Rebalancer
{
    private const int ImprovementRounds = 4;

    public static RebalanceProposal Propose(RebalanceInputs inputs, RebalanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxMoves is < 0)
        {
            throw new ArgumentException("MaxMoves cannot be negative.", nameof(request));
        }
        var max = request.MaxMoves ?? int.MaxValue;
        var plan = new Plan(inputs, request.MinHours);
        for (var round = 0; round < ImprovementRounds; round++)
        {
            plan.Greedy(max);
            var improved = plan.DropRedundant();
            improved |= plan.MergePairs();
            if (!improved)
            {
                break;
            }
        }
        return plan.Explain(max);
    }

    private sealed class Plan
    {
        private readonly BandThresholds _bands;
        private readonly RebalanceMember[] _members;
        private readonly double[] _start;
        private readonly double[] _load;
        private readonly Dictionary<long, int> _index;
        private readonly List<RebalanceItem>[] _itemsOf;
        private readonly HashSet<ItemRef> _taken = [];
        private readonly List<(RebalanceItem Item, int From, int To)> _moves = [];
        private readonly Dictionary<ItemRef, bool[]> _mayHold = [];
        private readonly int _coveredFollowUps;
        private readonly int _coveredCarriers;

        public Plan(RebalanceInputs inputs, double minHours)
        {
            _bands = inputs.Bands;
            _coveredFollowUps = inputs.CoveredFollowUps;
            _coveredCarriers = inputs.CoveredCarriers;
            _members = [.. inputs.Members];
            _index = [];
            for (var i = 0; i < _members.Length; i++)
            {
                if (!_index.TryAdd(_members[i].Id, i))
                {
                    throw new ArgumentException($"Member {_members[i].Id} is listed twice.", nameof(inputs));
                }
            }
            _start = [.. _members.Select(m => m.LoadHours)];
            _load = [.. _start];
            _itemsOf = [.. _members.Select(_ => new List<RebalanceItem>())];
            foreach (var item in inputs.Items
                .Where(i => i.Hours >= minHours && i.Hours > 0 && i.Weight > 0 && _index.ContainsKey(i.OwnerId))
                .OrderBy(i => i.Kind).ThenBy(i => i.Id))
            {
                _itemsOf[_index[item.OwnerId]].Add(item);
            }
        }

        private bool HasCapacity(int m) => _members[m].CapacityHours > 0;

        private double? Utilization(int m, double load) => HasCapacity(m) ? load / _members[m].CapacityHours : null;

        private WorkloadBand Band(int m, double load) => _bands.Classify(Utilization(m, load));

        private bool IsOver(int m, double load) => Band(m, load) is WorkloadBand.Stretched or WorkloadBand.Overloaded;

        private bool Fits(int m, double load) => Band(m, load) is WorkloadBand.Under or WorkloadBand.Healthy;

        private bool Available(RebalanceItem item) => !item.Includes.Append(item.Ref).Any(_taken.Contains);

        // Teammates of the giver who could receive anything: same team, a rep not on leave, capacity.
        private bool Candidate(int giver, int r) =>
            r != giver && _members[r].CanReceive && _members[r].TeamId == _members[giver].TeamId && HasCapacity(r);

        // Whether member r meets the item's hard requirements (cached: the greedy asks often).
        private bool MayHold(int r, RebalanceItem item)
        {
            if (item.Requirements.IsNone)
            {
                return true;
            }
            if (!_mayHold.TryGetValue(item.Ref, out var fits))
            {
                fits = [.. _members.Select(m => item.Requirements.MetBy(m.Fit ?? MemberFit.None))];
                _mayHold[item.Ref] = fits;
            }
            return fits[r];
        }

        // The rules of the item that rule candidates out, with how many each (a candidate lacking
        // two counts under both).
        private List<RequirementLimit> Limits(int giver, RebalanceItem item)
        {
            var counts = new int[Enum.GetValues<RequirementRule>().Length];
            if (!item.Requirements.IsNone)
            {
                for (var r = 0; r < _members.Length; r++)
                {
                    if (Candidate(giver, r) && !MayHold(r, item))
                    {
                        foreach (var rule in item.Requirements.Unmet(_members[r].Fit ?? MemberFit.None))
                        {
                            counts[(int)rule]++;
                        }
                    }
                }
            }
            return [.. Enum.GetValues<RequirementRule>().Where(rule => counts[(int)rule] > 0)
                .Select(rule => new RequirementLimit(rule, item.Requirements.ValueOf(rule), counts[(int)rule]))];
        }

        // Candidates exist, yet none meets the item's requirements: no amount of room helps.
        private bool BlockedByRequirements(int giver, RebalanceItem item)
        {
            var any = false;
            for (var r = 0; r < _members.Length; r++)
            {
                if (Candidate(giver, r))
                {
                    if (MayHold(r, item))
                    {
                        return false;
                    }
                    any = true;
                }
            }
            return any;
        }

        // (members over the band, hours over it): lower is better.
        private (int Over, double Hours) Objective()
        {
            var over = 0;
            var hours = 0.0;
            for (var m = 0; m < _members.Length; m++)
            {
                if (HasCapacity(m) && IsOver(m, _load[m]))
                {
                    over++;
                    hours += _load[m] - (_bands.HealthyUpTo * _members[m].CapacityHours);
                }
            }
            return (over, Math.Round(hours, 6));
        }

        private void Apply(RebalanceItem item, int from, int to)
        {
            _load[from] -= item.Hours;
            _load[to] += item.Hours;
            _taken.Add(item.Ref);
            _taken.UnionWith(item.Includes);
            _moves.Add((item, from, to));
        }

        private void Revert(int index)
        {
            var (item, from, to) = _moves[index];
            _load[from] += item.Hours;
            _load[to] -= item.Hours;
            _taken.Remove(item.Ref);
            _taken.ExceptWith(item.Includes);
            _moves.RemoveAt(index);
        }

        // Receivers for an item of the giver, best first: teammates who may receive, meet the item's
        // requirements and stay within the band, least utilized afterwards.
        private List<int> Receivers(int giver, RebalanceItem item)
        {
            var hours = item.Hours;
            var found = new List<int>();
            for (var r = 0; r < _members.Length; r++)
            {
                if (Candidate(giver, r) && MayHold(r, item) && Fits(r, _load[r] + hours))
                {
                    found.Add(r);
                }
            }
            found.Sort((a, b) =>
            {
                var byAfter = ((_load[a] + hours) / _members[a].CapacityHours).CompareTo((_load[b] + hours) / _members[b].CapacityHours);
                return byAfter != 0 ? byAfter : _members[a].Id.CompareTo(_members[b].Id);
            });
            return found;
        }

        private (RebalanceItem Item, int To)? BestMove(int giver, double maxWeight = double.PositiveInfinity, bool mustCover = false)
        {
            (int, double, int, double, int, long) bestKey = default;
            (RebalanceItem, int)? best = null;
            foreach (var item in _itemsOf[giver])
            {
                if (item.Weight >= maxWeight || !Available(item))
                {
                    continue;
                }
                var after = _load[giver] - item.Hours;
                var covers = !IsOver(giver, after);
                if (mustCover && !covers)
                {
                    continue;
                }
                var receivers = Receivers(giver, item);
                if (receivers.Count == 0)
                {
                    continue;
                }
                // Covering: lightest, then one that does not leave the giver under the band, then
                // the fewest hours (the least overshoot). Otherwise: most hours per unit of weight.
                var key = covers
                    ? (0, item.Weight, Band(giver, after) == WorkloadBand.Under ? 1 : 0, item.Hours, (int)item.Kind, item.Id)
                    : (1, -item.Hours / item.Weight, 0, 0.0, (int)item.Kind, item.Id);
                if (best is null || key.CompareTo(bestKey) < 0)
                {
                    bestKey = key;
                    best = (item, receivers[0]);
                }
            }
            return best;
        }

        public void Greedy(int max)
        {
            var blocked = new HashSet<int>();
            while (_moves.Count < max)
            {
                var giver = -1;
                for (var m = 0; m < _members.Length; m++)
                {
                    if (HasCapacity(m) && !blocked.Contains(m) && IsOver(m, _load[m])
                        && (giver < 0 || _load[m] / _members[m].CapacityHours > _load[giver] / _members[giver].CapacityHours))
                    {
                        giver = m;
                    }
                }
                if (giver < 0)
                {
                    return;
                }
                if (BestMove(giver) is { } move)
                {
                    Apply(move.Item, giver, move.To);
                }
                else
                {
                    blocked.Add(giver);
                }
            }
        }

        // A move whose undoing leaves no one more over the band than now is not needed.
        public bool DropRedundant()
        {
            var dropped = false;
            for (var i = _moves.Count - 1; i >= 0; i--)
            {
                var before = Objective();
                var (item, from, to) = _moves[i];
                Revert(i);
                if (Objective().CompareTo(before) <= 0)
                {
                    dropped = true;
                    continue;
                }
                _load[from] -= item.Hours;
                _load[to] += item.Hours;
                _taken.Add(item.Ref);
                _taken.UnionWith(item.Includes);
                _moves.Insert(i, (item, from, to));
            }
            return dropped;
        }

        // Two moves from one giver replaced by one lighter move that does the same job.
        public bool MergePairs()
        {
            for (var a = 0; a < _moves.Count; a++)
            {
                for (var b = a + 1; b < _moves.Count; b++)
                {
                    if (_moves[a].From != _moves[b].From)
                    {
                        continue;
                    }
                    var before = Objective();
                    var first = _moves[a];
                    var second = _moves[b];
                    Revert(b);
                    Revert(a);
                    if (BestMove(first.From, first.Item.Weight + second.Item.Weight, mustCover: true) is { } single)
                    {
                        Apply(single.Item, first.From, single.To);
                        if (Objective().CompareTo(before) <= 0)
                        {
                            return true;
                        }
                        Revert(_moves.Count - 1);
                    }
                    _moves.Insert(a, first);
                    _moves.Insert(b, second);
                    foreach (var (item, from, to) in new[] { first, second })
                    {
                        _load[from] -= item.Hours;
                        _load[to] += item.Hours;
                        _taken.Add(item.Ref);
                        _taken.UnionWith(item.Includes);
                    }
                }
            }
            return false;
        }

        public RebalanceProposal Explain(int max)
        {
            var load = (double[])_start.Clone();
            var moves = new List<RebalanceMove>(_moves.Count);
            foreach (var (item, from, to) in _moves)
            {
                var fromBefore = load[from] / _members[from].CapacityHours;
                var toBefore = load[to] / _members[to].CapacityHours;
                var covers = !IsOver(from, load[from] - item.Hours);
                var receiverWasUnder = Band(to, load[to]) == WorkloadBand.Under;
                // The runner-up is judged on the loads of the moment, like the choice itself.
                RunnerUp? runnerUp = null;
                for (var r = 0; r < _members.Length; r++)
                {
                    if (r == to || !Candidate(from, r) || !MayHold(r, item) || !Fits(r, load[r] + item.Hours))
                    {
                        continue;
                    }
                    var after = (load[r] + item.Hours) / _members[r].CapacityHours;
                    if (runnerUp is null || after < runnerUp.UtilizationAfter)
                    {
                        runnerUp = new RunnerUp(_members[r].Id, _members[r].Name, after);
                    }
                }
                load[from] -= item.Hours;
                load[to] += item.Hours;
                moves.Add(new RebalanceMove(
                    item.Kind, item.Id, item.Label, item.Includes, _members[from].Id, _members[from].Name, _members[to].Id, _members[to].Name,
                    item.Hours, item.Weight, fromBefore, load[from] / _members[from].CapacityHours, toBefore, load[to] / _members[to].CapacityHours,
                    covers ? ItemReason.CoversExcess : ItemReason.MostHoursPerWeight,
                    receiverWasUnder ? ReceiverReason.HadRoomUnderBand : ReceiverReason.LowestAfter,
                    runnerUp,
                    Limits(from, item)));
            }
            var members = _members.Select((m, i) => new MemberRebalance(
                m.Id, m.Name, m.CapacityHours, _start[i], _load[i], Utilization(i, _start[i]), Utilization(i, _load[i]))).ToList();
            var unresolved = new List<UnresolvedMember>();
            for (var m = 0; m < _members.Length; m++)
            {
                if (!HasCapacity(m) || !IsOver(m, _load[m]))
                {
                    continue;
                }
                var left = _itemsOf[m].Where(Available).ToList();
                var reason = _moves.Count >= max ? UnresolvedReason.MaxMovesReached
                    : left.Count == 0 ? UnresolvedReason.NoMovableItems
                    : left.All(item => BlockedByRequirements(m, item)) ? UnresolvedReason.NoReceiverMeetsRequirements
                    : UnresolvedReason.NoReceiverWithRoom;
                unresolved.Add(new UnresolvedMember(_members[m].Id, _members[m].Name, _load[m] / _members[m].CapacityHours, reason));
            }
            // What the members over the band at the start own that nobody may take, whatever the room.
            var notMovable = new List<NotMovableItem>();
            for (var m = 0; m < _members.Length; m++)
            {
                if (!HasCapacity(m) || !IsOver(m, _start[m]))
                {
                    continue;
                }
                notMovable.AddRange(_itemsOf[m].Where(item => BlockedByRequirements(m, item)).Select(item =>
                    new NotMovableItem(item.Kind, item.Id, item.Label, _members[m].Id, _members[m].Name, item.Hours, Limits(m, item))));
            }
            return new RebalanceProposal(moves, Summary(_start), Summary(_load), members, unresolved, notMovable, _coveredFollowUps, _coveredCarriers);
        }

        private BandSummary Summary(double[] load)
        {
            var utilizations = new List<double>();
            int over = 0, under = 0;
            for (var m = 0; m < _members.Length; m++)
            {
                if (!HasCapacity(m))
                {
                    continue;
                }
                utilizations.Add(load[m] / _members[m].CapacityHours);
                var band = Band(m, load[m]);
                over += band is WorkloadBand.Stretched or WorkloadBand.Overloaded ? 1 : 0;
                under += band == WorkloadBand.Under ? 1 : 0;
            }
            if (utilizations.Count == 0)
            {
                return new BandSummary(null, null, 0, 0);
            }
            var mean = utilizations.Average();
            double? cv = mean > 0 ? Math.Sqrt(utilizations.Sum(u => (u - mean) * (u - mean)) / utilizations.Count) / mean : null;
            return new BandSummary(utilizations.Max(), cv, over, under);
        }
    }
}
