using Headroom.Accounts;
using Headroom.Data;
using Headroom.Deals;
using Headroom.Leads;
using Headroom.Organizations;
using Headroom.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Web.Leads;

// Turns a lead into an account (new or existing), optionally a contact and a deal, in one save.
// The new records belong to the lead's owner; the lead stays, marked converted, so its history
// and the credit for it remain. Activities and follow-ups about the lead move onto the account
// (and the deal) so they show there.
public static class LeadConversion
{
    // Null when a field is wrong (named in errors); nothing is written then.
    public static async Task<LeadConversionResponse?> ConvertAsync(
        Lead lead, LeadConversionRequest request, AccessScope scope, AppDbContext db, FieldErrors errors, CancellationToken cancellationToken)
    {
        Account? account = null;
        if (request.AccountId is { } accountId)
        {
            account = await scope.Accounts(db).SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
            if (account is null)
            {
                errors.Add("accountId", errors.Localizer["Validation.UnknownAccount"]);
            }
        }
        else
        {
            var name = errors.Text("accountName", request.AccountName ?? lead.Company ?? lead.Name, 300, required: true);
            account = new Account { Name = name ?? "", OwnerId = lead.OwnerId, Region = lead.Region };
        }
        var contactName = errors.Text("contactName", request.ContactName, 200, required: false);
        Deal? deal = null;
        if (request.CreateDeal)
        {
            var dealName = errors.Text("dealName", request.DealName ?? lead.Company ?? lead.Name, 300, required: true);
            if (request.DealAmountMinor is < 0)
            {
                errors.Add("dealAmountMinor", errors.Localizer["Validation.NotNegative"]);
            }
            var stage = request.StageId is { } stageId
                ? await db.PipelineStages.Where(s => s.Id == stageId).Select(s => new { s.Id, s.ClosesAs }).SingleOrDefaultAsync(cancellationToken)
                : await db.PipelineStages.Where(s => s.ClosesAs == null).OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.ClosesAs }).FirstOrDefaultAsync(cancellationToken);
            if (stage is null)
            {
                errors.Add("stageId", errors.Localizer["Validation.UnknownStage"]);
            }
            else if (stage.ClosesAs is not null)
            {
                errors.Add("stageId", errors.Localizer["Validation.UseStageChange"]);
            }
            deal = new Deal
            {
                Name = dealName ?? "",
                OwnerId = lead.OwnerId,
                AmountMinor = request.DealAmountMinor ?? lead.EstimatedValueMinor,
                StageId = stage?.Id ?? 0,
                ExpectedCloseDate = request.ExpectedCloseDate,
            };
        }
        if (errors.Any || account is null)
        {
            return null;
        }

        if (account.Id == 0)
        {
            db.Accounts.Add(account);
        }
        Contact? contact = contactName is null ? null : db.Contacts.Add(new Contact { Name = contactName, Account = account }).Entity;
        if (deal is not null)
        {
            deal.Account = account;
            db.Deals.Add(deal);
        }
        lead.Status = LeadStatus.Converted;
        var activities = await db.SalesActivities.Where(a => a.LeadId == lead.Id && a.AccountId == null).ToListAsync(cancellationToken);
        var followUps = await db.FollowUps.Where(f => f.LeadId == lead.Id && f.AccountId == null).ToListAsync(cancellationToken);
        // The new account's and deal's ids exist only after the first save; both saves commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (activities.Count > 0 || followUps.Count > 0)
        {
            foreach (var activity in activities)
            {
                activity.AccountId = account.Id;
                activity.DealId ??= deal?.Id;
            }
            foreach (var followUp in followUps)
            {
                followUp.AccountId = account.Id;
                followUp.DealId ??= deal?.Id;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new LeadConversionResponse(lead.Id, account.Id, contact?.Id, deal?.Id);
    }
}
