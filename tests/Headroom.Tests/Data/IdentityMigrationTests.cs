using Headroom.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Headroom.Tests.Data;

[Trait("Category", "Persistence")]
public class IdentityMigrationTests
{
    [Fact]
    public async Task ProvisionalSignIns_BecomeIdentityUsers_ThatCanSignIn()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await database.CreateOrganizationAsync();
        long memberId;
        await using (var db = database.CreateContext(org.Id))
        {
            memberId = db.Members.Add(new Member { Name = "Dana", Email = "dana@example.com", Role = MemberRole.Manager }).Entity.Id;
            await db.SaveChangesAsync();
            memberId = await db.Members.Select(m => m.Id).SingleAsync();
            // Back to the schema before Identity, with a sign-in as `user add` used to write it.
            await db.GetService<IMigrator>().MigrateAsync("Initial");
            var hash = AppUsers.Hash("correct horse battery staple");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "UserLogins" ("OrgId", "MemberId", "Email", "NormalizedEmail", "PasswordHash", "Disabled", "CreatedUtc", "UpdatedUtc")
                VALUES ({org.Id}, {memberId}, {"dana@example.com"}, {"DANA@EXAMPLE.COM"}, {hash}, {false}, {new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)}, {new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)})
                """);
            await db.Database.MigrateAsync();
        }

        await using (var db = database.CreateContext(org.Id))
        {
            var user = await db.Users.SingleAsync();
            Assert.Equal((org.Id, memberId, "dana@example.com", "DANA@EXAMPLE.COM"), (user.OrgId, user.MemberId, user.UserName, user.NormalizedUserName));
            Assert.False(user.Disabled);
            Assert.True(user.LockoutEnabled);
            Assert.False(string.IsNullOrEmpty(user.SecurityStamp));
            Assert.Equal(PasswordVerificationResult.Success, AppUsers.Verify(user.PasswordHash!, "correct horse battery staple"));
        }
    }
}
