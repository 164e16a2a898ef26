namespace Headroom.Web.FollowUps;

// The follow-up tabs. Overdue and due-today are open follow-ups and never overlap: overdue is
// due before now; due is due from now to the end of today in the caller's time zone.
public enum FollowUpView
{
    All = 0,
    Mine = 1,
    Due = 2,
    Overdue = 3,
}
