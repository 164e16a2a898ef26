namespace Headroom.Assignment;

// What the fairness audit reads: the reps, their capacity per local day of the period, and the
// changes of owner from the assignment log that touch them, each with the effort it carries.
public sealed record FairnessInputs(
    DateOnly From,
    DateOnly To,
    FairnessGranularity Granularity,
    IReadOnlyList<FairnessMember> Members,
    IReadOnlyList<FairnessEntry> Entries,
    int CreditDays = FairnessInputs.DefaultCreditDays)
{
    public const int DefaultCreditDays = 14;
}

public enum FairnessGranularity
{
    Week = 0,
    Month = 1,
}

// DailyHours: capacity from From, one value per day (the capacity calendar: working week, hours,
// holidays, leave). Days before ActiveFrom (hired) or after ActiveUntil (left) count nothing.
public sealed record FairnessMember(long Id, string Name, IReadOnlyList<double> DailyHours, DateOnly? ActiveFrom = null, DateOnly? ActiveUntil = null);

// One change of owner on a local day. Hours: the effort the item carries (FairnessAudit.ItemHours).
// DisqualifiedOn: for a lead now disqualified, the day it was.
public sealed record FairnessEntry(
    long Id,
    DateOnly Day,
    RebalanceItemKind Kind,
    long ItemId,
    long? FromMemberId,
    long? ToMemberId,
    double Hours,
    DateOnly? DisqualifiedOn = null);
