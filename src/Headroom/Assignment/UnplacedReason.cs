namespace Headroom.Assignment;

public enum UnplacedReason
{
    // No rep meets the hard requirements (territory, team, language, skill level, opt-out, leave).
    NoEligibleRep,
    // Every eligible rep already has its maximum number of new items.
    EligibleRepsFull,
}
