namespace Headroom.Importing;

// What a file holds; the same names are used by `headroom import` and `headroom export`.
public enum ImportKind
{
    Teams,
    Members,
    Accounts,
    Contacts,
    Leads,
    Deals,
    Activities,
    FollowUps,
    Feedback,
}
