namespace Headroom.Workload;

public enum WorkloadBand
{
    // No capacity in the period (leave, holidays, weekend): utilization is undefined.
    NoCapacity = 0,
    Under = 1,
    Healthy = 2,
    Stretched = 3,
    Overloaded = 4,
}
