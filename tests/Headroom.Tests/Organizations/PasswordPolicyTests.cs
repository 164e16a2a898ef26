using Headroom.Data;
using Headroom.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Headroom.Tests.Organizations;

[Trait("Category", "Persistence")]
public class PasswordPolicyTests
{
    [Theory]
    [InlineData("short", "PasswordTooShort")]
    [InlineData("qwertyuiop", PasswordPolicyValidator.TooCommon)]
    [InlineData("PassWord1", PasswordPolicyValidator.TooCommon)]
    [InlineData("my pipeline for dana", PasswordPolicyValidator.TooCommon)]
    public async Task Create_WeakPassword_IsRefusedAndNothingIsWritten(string password, string code)
    {
        await using var setup = await IdentitySetup.CreateAsync();
        var result = await setup.CreateUserAsync("dana@example.com", password);
        Assert.Contains(result.Errors, e => e.Code == code);
        await using var db = setup.Database.CreateContext(setup.OrgId);
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Members.CountAsync());
    }

    [Fact]
    public async Task Create_LengthLimits_AreEightTo128WithoutCompositionRules()
    {
        await using var setup = await IdentitySetup.CreateAsync();
        Assert.True((await setup.CreateUserAsync("a@example.com", "zqxvbnmk")).Succeeded);
        Assert.True((await setup.CreateUserAsync("b@example.com", new string('z', 127) + "q")).Succeeded);
        Assert.Contains((await setup.CreateUserAsync("c@example.com", new string('z', 128) + "q")).Errors,
            e => e.Code == PasswordPolicyValidator.TooLong);
    }

    [Fact]
    public async Task Hash_IsPbkdf2Sha512At210kIterations_AndOlderHashesAreUpgradedOnCheck()
    {
        await using var setup = await IdentitySetup.CreateAsync();
        Assert.True((await setup.CreateUserAsync("dana@example.com", "correct horse battery staple")).Succeeded);
        long userId;
        await using (var db = setup.Database.CreateContext(setup.OrgId))
        {
            var user = await db.Users.SingleAsync();
            Assert.Equal((1, 210_000), HashParameters(user.PasswordHash!));
            // A hash from Identity's default settings (100,000 iterations), as an older install would have.
            var old = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
            user.PasswordHash = old.HashPassword(user, "correct horse battery staple");
            Assert.Equal((1, 100_000), HashParameters(user.PasswordHash));
            await db.SaveChangesAsync();
            userId = user.Id;
        }

        await using (var scope = setup.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(await users.CheckPasswordAsync(user!, "correct horse battery staple"));
        }
        await using (var db = setup.Database.CreateContext(setup.OrgId))
        {
            Assert.Equal((1, 210_000), HashParameters((await db.Users.SingleAsync()).PasswordHash!));
        }
    }

    [Fact]
    public async Task Confirmation_RefusesDisabledUsersAndInactiveMembers()
    {
        await using var setup = await IdentitySetup.CreateAsync();
        Assert.True((await setup.CreateUserAsync("dana@example.com", "correct horse battery staple")).Succeeded);
        await using var scope = setup.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var confirmation = scope.ServiceProvider.GetRequiredService<IUserConfirmation<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Tenant.Enter(setup.OrgId);
        var user = (await users.FindByEmailAsync("DANA@example.com"))!;
        Assert.True(await confirmation.IsConfirmedAsync(users, user));

        user.Disabled = true;
        Assert.False(await confirmation.IsConfirmedAsync(users, user));
        user.Disabled = false;
        var member = await db.Members.SingleAsync();
        member.Active = false;
        await db.SaveChangesAsync();
        Assert.False(await confirmation.IsConfirmedAsync(users, user));
    }

    // Identity V3 format: 1 byte marker, then big-endian PRF id (1 = HMAC-SHA256, 2 = HMAC-SHA512) and iteration count.
    private static (int Prf, int Iterations) HashParameters(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return ((int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)) - 1,
            (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
    }
}
