namespace Headroom.Workload;

// Weeks run Monday to Sunday; months are calendar months.
public enum WorkloadPeriod
{
    Day = 0,
    Week = 1,
    Month = 2,
}
