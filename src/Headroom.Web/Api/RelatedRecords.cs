using Headroom.Data;
using Headroom.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Web.Api;

// The account, deal and lead an activity or follow-up is about. Each must be one the caller may
// see (another organization's id is simply not among them), or the field is named in the error.
public static class RelatedRecords
{
    // Returns the account to store: the one named, else the deal's, so a deal's activity still
    // shows on its account.
    public static async Task<long?> CheckAsync(
        AccessScope scope, AppDbContext db, long? accountId, long? dealId, long? leadId, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (accountId is { } account && !await scope.Accounts(db).AnyAsync(a => a.Id == account, cancellationToken))
        {
            errors.Add("accountId", errors.Localizer["Validation.UnknownAccount"]);
        }
        if (dealId is { } dealKey)
        {
            var deal = await scope.Deals(db).Where(d => d.Id == dealKey).Select(d => new { d.AccountId }).SingleOrDefaultAsync(cancellationToken);
            if (deal is null)
            {
                errors.Add("dealId", errors.Localizer["Validation.UnknownDeal"]);
            }
            else if (accountId is null)
            {
                accountId = deal.AccountId;
            }
            else if (accountId != deal.AccountId)
            {
                errors.Add("dealId", errors.Localizer["Validation.DealOfOtherAccount"]);
            }
        }
        if (leadId is { } lead && !await scope.Leads(db).AnyAsync(l => l.Id == lead, cancellationToken))
        {
            errors.Add("leadId", errors.Localizer["Validation.UnknownLead"]);
        }
        return accountId;
    }
}
