using System.CommandLine;
using Headroom.Data;
using Headroom.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Headroom.Cli.Commands;

public static class UserCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Sign-in email", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the part of the email before @)" };
        var role = new Option<MemberRole>("--role") { Description = "Rep, Manager or Admin", DefaultValueFactory = _ => MemberRole.Rep };
        var admin = new Option<bool>("--admin") { Description = "Same as --role Admin" };
        var team = new Option<string?>("--team") { Description = "Name of the member's team" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of prompting" };

        var add = new Command("add", "Add a member with a sign-in (the first admin comes from here)")
        {
            email, name, role, admin, team, passwordStdin,
        };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetRequiredValue(email).Trim();
            if (!AppUsers.LooksLikeEmail(address))
            {
                throw new CliException(ExitCodes.InvalidInput, $"--email: '{address}' is not an email address.");
            }
            var password = parse.GetValue(passwordStdin)
                ? (await Console.In.ReadLineAsync(cancellationToken)) ?? ""
                : Environment.GetEnvironmentVariable("HEADROOM_PASSWORD")
                  ?? AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());

            await using var services = CliContext.BuildServices(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var organization = await CliContext.EnterOrganizationAsync(db, parse, cancellationToken);

            long? teamId = null;
            if (parse.GetValue(team) is { } teamName)
            {
                teamId = await db.Teams.Where(t => t.Name == teamName).Select(t => (long?)t.Id).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new CliException(ExitCodes.NotFound, $"--team: no team named '{teamName}' in {organization.Name}.");
            }
            if (await users.FindByEmailAsync(address) is not null)
            {
                throw new CliException(ExitCodes.InvalidInput, $"--email: {address} already has a sign-in.");
            }
            var member = await db.Members.SingleOrDefaultAsync(m => m.Email == address, cancellationToken)
                ?? db.Members.Add(new Member { Name = parse.GetValue(name) ?? address.Split('@')[0], Email = address }).Entity;
            member.Role = parse.GetValue(admin) ? MemberRole.Admin : parse.GetValue(role);
            member.TeamId = teamId ?? member.TeamId;
            // The member is saved by the same SaveChanges that creates the user.
            var result = await users.CreateAsync(AppUsers.For(member, organization.Id, address), password);
            if (!result.Succeeded)
            {
                var field = result.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "--email";
                throw new CliException(ExitCodes.InvalidInput, $"{field}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
            AnsiConsole.MarkupLineInterpolated($"[green]Added[/] {member.Name} <{address}> as {member.Role} in {organization.Name}.");
            return ExitCodes.Ok;
        });
        return new Command("user", "Manage sign-ins") { add };
    }
}
