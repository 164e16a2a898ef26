namespace Headroom.Importing;

// The kind of record a message speaks of ("duplicate account …"), in the reader's words.
public enum ImportNoun
{
    Team,
    Member,
    Account,
    Contact,
    Lead,
    Deal,
    FollowUp,
    Feedback,
}
