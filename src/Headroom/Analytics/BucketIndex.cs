using System.Linq.Expressions;

namespace Headroom.Analytics;

// x => at(x) < ends[0] ? 0 : at(x) < ends[1] ? 1 : … : ends.Length - 1: which bucket a time or a
// day falls in, as a CASE the database evaluates, so a query can group by it on either provider.
// The caller filters to the span; ends are each bucket's exclusive end, ascending.
public static class BucketIndex
{
    public static Expression<Func<T, int>> Of<T, TAt>(Expression<Func<T, TAt>> at, IReadOnlyList<TAt> ends)
    {
        Expression bucket = Expression.Constant(ends.Count - 1);
        for (var i = ends.Count - 2; i >= 0; i--)
        {
            bucket = Expression.Condition(Expression.LessThan(at.Body, Expression.Constant(ends[i], typeof(TAt))), Expression.Constant(i), bucket);
        }
        return Expression.Lambda<Func<T, int>>(bucket, at.Parameters);
    }
}
