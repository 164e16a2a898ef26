using Headroom.Data;
using Microsoft.EntityFrameworkCore;

namespace Headroom.Organizations;

// Writes to an organization's holiday calendar that replace many days at once, in one
// transaction: a calendar imported from a file, or the official one shipped with Headroom.
public static class CalendarDays
{
    // Replace: every day of the years the new days cover is removed first, so a country's
    // calendar for 2027 fully takes the place of the one before. Otherwise only the dates given
    // are replaced and the rest of the calendar stays.
    public static async Task<int> ApplyAsync(
        AppDbContext db, IReadOnlyCollection<(DateOnly Date, CalendarDayKind Kind, string Name)> days, string calendar, bool replaceYears,
        CancellationToken cancellationToken = default)
    {
        if (days.Count == 0)
        {
            return 0;
        }
        await using var transaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        if (replaceYears)
        {
            var first = new DateOnly(days.Min(d => d.Date).Year, 1, 1);
            var last = new DateOnly(days.Max(d => d.Date).Year, 12, 31);
            await db.CalendarDays.Where(d => d.Date >= first && d.Date <= last).ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            var dates = days.Select(d => d.Date).ToList();
            await db.CalendarDays.Where(d => dates.Contains(d.Date)).ExecuteDeleteAsync(cancellationToken);
        }
        db.CalendarDays.AddRange(days.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name, Calendar = calendar }));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return days.Count;
    }
}
