using Headroom.Common;

namespace Headroom.Organizations;

public class MemberSkill : TenantEntity
{
    public long MemberId { get; set; }
    public required string Skill { get; set; }
    // 1 (novice) to 5 (expert).
    public int Level { get; set; }
}
