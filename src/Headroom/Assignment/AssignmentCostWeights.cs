namespace Headroom.Assignment;

// Abstract cost units (not money): an integer per event, summed in long. Relationship is paid when
// an item with an incumbent goes to someone else, Preference when a preferred owner is passed
// over, TravelPerHour for each hour of travel the chosen rep adds.
public sealed record AssignmentCostWeights(long Relationship = 100, long Preference = 30, long TravelPerHour = 20);
