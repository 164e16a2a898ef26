using System.Globalization;
using Headroom.Accounts;
using Headroom.Assignment;
using Headroom.Deals;
using Headroom.Feedback;
using Headroom.FollowUps;
using Headroom.Leads;
using Headroom.Organizations;

namespace Headroom.Importing;

// One RecordSpec per kind imported through EF. Natural keys (used when a row has no ExternalId):
// team = name; member = email, else name; account = name; contact = name + account;
// lead = name + company; deal = name + account; follow-up = title + assignee + due;
// feedback = account + kind + date.
internal static class RecordSpecs
{
    private static readonly char[] ListSeparators = [';', ',', '，', '、', '|', '；'];

    public static RecordSpec<Team> Teams(ImportContext context)
    {
        var parents = new Dictionary<int, (Team Team, string? Parent)>();
        return new RecordSpec<Team>
        {
            What = ImportNoun.Team,
            KeyField = "Name",
            Existing = db => db.Teams,
            Create = () => new Team { Name = "" },
            NaturalKey = t => Blank(t.Name),
            Bind = (row, t) =>
            {
                if (row.TryText("ExternalId", 200, out var externalId)) t.ExternalId = externalId;
                if (row.TryText("Name", 200, out var name, required: true)) t.Name = name!;
                if (row.TryReference("Manager", context.Lookups.Members, out var manager)) t.ManagerId = manager;
                if (row.TryText("ParentTeam", 200, out var parent)) parents[row.Number] = (t, parent);
            },
            // Parents may be teams of the same file, in any order.
            AfterRows = all =>
            {
                var byExternalId = all.Where(t => t.ExternalId is not null).GroupBy(t => t.ExternalId!).ToDictionary(g => g.Key, g => g.First());
                var byName = all.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
                var header = context.Row.Map.HeaderOf("ParentTeam");
                foreach (var (rowNumber, (team, parentText)) in parents)
                {
                    if (parentText is null)
                    {
                        team.ParentTeamId = null;
                        team.ParentTeam = null;
                        continue;
                    }
                    Team? parent = byExternalId.GetValueOrDefault(parentText);
                    if (parent is null && byName.TryGetValue(parentText, out var named))
                    {
                        if (named.Count > 1)
                        {
                            context.Errors.Add(rowNumber, header, ImportProblem.AmbiguousReference, ImportNoun.Team, parentText);
                            continue;
                        }
                        parent = named[0];
                    }
                    if (parent is null)
                    {
                        context.Errors.Add(rowNumber, header, ImportProblem.UnknownParentTeam, parentText, context.Organization.Name);
                    }
                    else if (ReferenceEquals(parent, team))
                    {
                        context.Errors.Add(rowNumber, header, ImportProblem.OwnParent);
                    }
                    else if (parent.Id != 0)
                    {
                        team.ParentTeamId = parent.Id;
                    }
                    else
                    {
                        team.ParentTeam = parent;
                    }
                }
            },
        };
    }

    public static RecordSpec<Member> Members(ImportContext context) => new()
    {
        What = ImportNoun.Member,
        KeyField = "Email",
        Existing = db => db.Members,
        Create = () => new Member { Name = "" },
        NaturalKey = m => Blank(m.Email) ?? Blank(m.Name),
        NaturalKeyUnique = m => m.Email is not null,
        Bind = (row, m) =>
        {
            if (row.TryText("ExternalId", 200, out var externalId)) m.ExternalId = externalId;
            if (row.TryPersonName(200, out var name)) m.Name = name!;
            if (row.TryText("Email", 254, out var email))
            {
                if (email is not null && !AppUsers.LooksLikeEmail(email))
                {
                    row.Error("Email", ImportProblem.NotEmail, email);
                }
                m.Email = email;
            }
            if (row.TryEnum<MemberRole>("Role", out var role)) m.Role = role ?? MemberRole.Rep;
            if (row.TryReference("Team", context.Lookups.Teams, out var team)) m.TeamId = team;
            if (row.TryText("Title", 200, out var title)) m.Title = title;
            if (row.TryDate("HireDate", out var hired)) m.HireDate = hired;
            if (row.TryNumber("WeeklyCapacityHours", 0, 168, out var hours)) m.WeeklyCapacityHours = hours ?? 40;
            if (row.TryText("Territories", 2000, out var territories)) m.Territories = SplitList(territories);
            if (row.TryText("Languages", 2000, out var languages)) m.Languages = SplitList(languages);
            if (row.TryBool("Active", out var active)) m.Active = active ?? true;
            if (row.TryText("Locale", 16, out var locale)) m.Locale = locale;
            if (row.TryText("TimeZone", 64, out var zone))
            {
                if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                {
                    row.Error("TimeZone", ImportProblem.NotTimeZone, zone);
                }
                m.TimeZoneId = zone;
            }
        },
    };

    public static RecordSpec<Account> Accounts(ImportContext context) => new()
    {
        What = ImportNoun.Account,
        KeyField = "Name",
        Existing = db => db.Accounts,
        Create = () => new Account { Name = "" },
        NaturalKey = a => Blank(a.Name),
        Bind = (row, a) =>
        {
            if (row.TryText("ExternalId", 200, out var externalId)) a.ExternalId = externalId;
            if (row.TryText("Name", 300, out var name, required: true)) a.Name = name!;
            if (row.TryEnum<AccountTier>("Tier", out var tier)) a.Tier = tier ?? AccountTier.C;
            if (row.TryText("Industry", 100, out var industry)) a.Industry = industry;
            if (row.TryText("Region", 100, out var region)) a.Region = region;
            if (row.TryText("Territory", 100, out var territory)) a.Territory = territory;
            if (row.TryReference("Owner", context.Lookups.Members, out var owner)) a.OwnerId = owner;
            if (row.TryEnum<AccountStatus>("Status", out var status)) a.Status = status ?? AccountStatus.Active;
        },
    };

    public static RecordSpec<Contact> Contacts(ImportContext context) => new()
    {
        What = ImportNoun.Contact,
        KeyField = "Name",
        Existing = db => db.Contacts,
        Create = () => new Contact { Name = "" },
        NaturalKey = c => Blank(c.Name) is { } name ? $"{name}|{c.AccountId}" : null,
        Bind = (row, c) =>
        {
            if (row.TryText("ExternalId", 200, out var externalId)) c.ExternalId = externalId;
            if (row.TryPersonName(200, out var name)) c.Name = name!;
            if (row.TryReference("Account", context.Lookups.Accounts, out var account)) c.AccountId = account;
            if (row.TryText("Title", 200, out var title)) c.Title = title;
            if (row.TryText("Email", 254, out var email)) c.Email = email;
            if (row.TryText("Phone", 50, out var phone)) c.Phone = phone;
        },
    };

    public static RecordSpec<Lead> Leads(ImportContext context) => new()
    {
        What = ImportNoun.Lead,
        KeyField = "Name",
        Existing = db => db.Leads,
        Create = () => new Lead { Name = "" },
        NaturalKey = l => Blank(l.Name) is { } name ? $"{name}|{l.Company}" : null,
        Bind = (row, l) =>
        {
            if (row.TryText("ExternalId", 200, out var externalId)) l.ExternalId = externalId;
            if (row.TryPersonName(200, out var name)) l.Name = name!;
            if (row.TryText("Company", 300, out var company)) l.Company = company;
            if (row.TryText("Source", 100, out var source)) l.Source = source;
            if (row.TryText("Region", 100, out var region)) l.Region = region;
            if (row.TryText("RequiredSkill", 100, out var skill)) l.RequiredSkill = skill;
            if (row.TryInt("RequiredSkillLevel", 0, 5, out var level)) l.RequiredSkillLevel = level;
            if (row.TryText("Language", 16, out var language)) l.Language = language;
            if (row.TryMoney("EstimatedValue", out var value))
            {
                if (value < 0)
                {
                    row.Error("EstimatedValue", ImportProblem.Negative);
                }
                l.EstimatedValueMinor = value;
            }
            if (row.TryEnum<LeadStatus>("Status", out var status)) l.Status = status ?? LeadStatus.New;
            if (row.TryReference("Owner", context.Lookups.Members, out var owner)) l.OwnerId = owner;
        },
        AfterInsert = context.Request.Routing is not { } routing ? null : async (db, created, cancellationToken) =>
        {
            // Only new leads without an owner that a queue takes (status New, in a pool it serves).
            var unowned = created.Where(l => l.OwnerId is null).ToList();
            var routed = await QueueRouting.RouteSavedAsync(db, routing.Cache, routing.Scope, unowned, routing.Actor, routing.Now, cancellationToken);
            context.Result.Routed = routed;
            context.Result.Unrouted = unowned.Count - routed;
        },
    };

    public static RecordSpec<Deal> Deals(ImportContext context) => new()
    {
        What = ImportNoun.Deal,
        KeyField = "Name",
        Existing = db => db.Deals,
        Create = () => new Deal { Name = "" },
        NaturalKey = d => Blank(d.Name) is { } name ? $"{name}|{d.AccountId}" : null,
        Bind = (row, d) =>
        {
            if (row.TryText("ExternalId", 200, out var externalId)) d.ExternalId = externalId;
            if (row.TryText("Name", 300, out var name, required: true)) d.Name = name!;
            if (row.TryReference("Account", context.Lookups.Accounts, out var account, required: true)) d.AccountId = account!.Value;
            if (row.TryReference("Owner", context.Lookups.Members, out var owner)) d.OwnerId = owner;
            if (row.TryMoney("Amount", out var amount))
            {
                if (amount < 0)
                {
                    row.Error("Amount", ImportProblem.Negative);
                }
                d.AmountMinor = amount;
            }
            if (row.TryText("Stage", 100, out var stageText, required: true))
            {
                if (context.Lookups.FindStage(stageText!) is { } stage)
                {
                    d.StageId = stage.Id;
                    d.Outcome = stage.ClosesAs ?? DealOutcome.Open;
                }
                else
                {
                    row.Error("Stage", ImportProblem.NotStage, stageText!, context.Organization.Name, string.Join(", ", context.Lookups.Stages.Select(s => s.Name)));
                }
            }
            if (row.TryDate("ExpectedCloseDate", out var close)) d.ExpectedCloseDate = close;
            if (row.TryUtc("ClosedAt", out var closed)) d.ClosedUtc = closed;
            if (row.TryText("LostReason", 500, out var reason)) d.LostReason = reason;
        },
    };

    public static RecordSpec<FollowUp> FollowUps(ImportContext context) => new()
    {
        What = ImportNoun.FollowUp,
        KeyField = "Title",
        Existing = db => db.FollowUps,
        Create = () => new FollowUp { Title = "" },
        NaturalKey = f => Blank(f.Title) is { } title
            ? $"{title}|{f.AssigneeId}|{f.DueUtc.ToString("O", CultureInfo.InvariantCulture)}" : null,
        Bind = (row, f) =>
        {
            if (row.TryText("ExternalId", 200, out var externalId)) f.ExternalId = externalId;
            if (row.TryText("Title", 300, out var title, required: true)) f.Title = title!;
            if (row.TryReference("Assignee", context.Lookups.Members, out var assignee)) f.AssigneeId = assignee;
            if (row.TryUtc("Due", out var due, required: true)) f.DueUtc = due!.Value;
            if (row.TryNumber("EffortHours", 0, 1000, out var effort)) f.EffortHours = effort ?? 0;
            if (row.TryEnum<FollowUpStatus>("Status", out var status)) f.Status = status ?? FollowUpStatus.Open;
            if (row.TryEnum<FollowUpPriority>("Priority", out var priority)) f.Priority = priority ?? FollowUpPriority.Normal;
            if (row.TryReference("Account", context.Lookups.Accounts, out var account)) f.AccountId = account;
            if (row.TryReference("Deal", context.Lookups.Deals, out var deal)) f.DealId = deal;
            if (row.TryReference("Lead", context.Lookups.Leads, out var lead)) f.LeadId = lead;
            if (row.TryUtc("CompletedAt", out var completed)) f.CompletedUtc = completed;
        },
    };

    public static RecordSpec<CustomerFeedback> Feedback(ImportContext context) => new()
    {
        What = ImportNoun.Feedback,
        KeyField = "Account",
        Existing = db => db.CustomerFeedback,
        Create = () => new CustomerFeedback(),
        NaturalKey = f => f.AccountId == 0 ? null : $"{f.AccountId}|{f.Kind}|{f.Date.ToString("O", CultureInfo.InvariantCulture)}",
        Bind = (row, f) =>
        {
            if (row.TryText("ExternalId", 200, out var externalId)) f.ExternalId = externalId;
            if (row.TryEnum<FeedbackKind>("Kind", out var kind, required: true)) f.Kind = kind!.Value;
            if (row.TryInt("Score", 0, 10, out var score, required: true))
            {
                f.Score = score!.Value;
                if (kind == FeedbackKind.Csat && score is < 1 or > 5)
                {
                    row.Error("Score", ImportProblem.CsatOutOfRange, score);
                }
            }
            if (row.TryReference("Account", context.Lookups.Accounts, out var account, required: true)) f.AccountId = account!.Value;
            if (row.TryReference("Deal", context.Lookups.Deals, out var deal)) f.DealId = deal;
            if (row.TryDate("Date", out var date, required: true)) f.Date = date!.Value;
            if (row.TryText("Comment", 4000, out var comment)) f.Comment = comment;
        },
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static List<string> SplitList(string? text) =>
        text is null ? [] : [.. text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
