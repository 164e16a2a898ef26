namespace Headroom.Demo;

public enum DemoPhase
{
    Organization,
    Accounts,
    Leads,
    Deals,
    FollowUps,
    Leave,
    Feedback,
    Activities,
    ActivityDays,
}
