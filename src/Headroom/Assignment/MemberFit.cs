namespace Headroom.Assignment;

// What a member can match: the territories they cover, the languages they speak and their skill
// levels (by skill name, ignoring case). Queues and rebalance judge receivers on the same record.
public sealed record MemberFit(IReadOnlyList<string> Territories, IReadOnlyList<string> Languages, IReadOnlyDictionary<string, int> Skills)
{
    // Matches nothing: a member whose fit was not read may hold only items without requirements.
    public static MemberFit None { get; } = new([], [], new Dictionary<string, int>());
}
