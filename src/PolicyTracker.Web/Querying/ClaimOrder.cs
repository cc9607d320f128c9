using System.Linq.Expressions;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Querying;

/// <summary>The sort values of one listed claim: where a page of claims ends, for the next page to start after.</summary>
public sealed record ClaimAnchor(long Id, string Subject, string Topic, string Scope, string Value, ClaimStatus Status, string FileName, int Start);

/// <summary>
/// The orders of a claims list, each a list of columns ending in the id, and the one place that sorts by them and
/// seeks past a row in them (keyset paging). Each order is one an index already holds (subject and topic by the wide
/// indexes' columns), so a page is read in order rather than sorted from every matching row.
/// </summary>
public static class ClaimOrder
{
    // Declared first: the orders below are built with it, and static fields initialise in order.
    private static readonly ParameterExpression Claim = Expression.Parameter(typeof(Claim), "c");

    private static readonly Dictionary<string, Column[]> Orders = new(StringComparer.Ordinal)
    {
        ["subject"] = [Column.Of(c => c.Subject, a => a.Subject), Column.Of(c => c.Topic, a => a.Topic),
            Column.Of(c => c.Scope, a => a.Scope), Column.Of(c => c.Value, a => a.Value), Column.Id],
        ["topic"] = [Column.Of(c => c.Topic, a => a.Topic), Column.Of(c => c.Scope, a => a.Scope), Column.Of(c => c.Value, a => a.Value), Column.Id],
        ["scope"] = [Column.Of(c => c.Scope, a => a.Scope), Column.Id],
        ["value"] = [Column.Of(c => c.Value, a => a.Value), Column.Id],
        ["status"] = [Column.Status, Column.Id],
        ["source"] = [Column.Of(c => c.Source!.FileName, a => a.FileName), Column.Of(c => c.Start, a => a.Start), Column.Id],
        ["id"] = [Column.Id],
    };

    /// <summary>The claims in the order <paramref name="key"/> names (one of <see cref="ClaimFilter.SortKeys"/>).</summary>
    public static IQueryable<Claim> Sort(IQueryable<Claim> query, string key, bool descending)
    {
        ArgumentNullException.ThrowIfNull(query);
        IOrderedQueryable<Claim>? sorted = null;
        foreach (var column in Orders[key])
        {
            sorted = column.OrderBy(query, sorted, descending);
        }

        return sorted!;
    }

    /// <summary>
    /// The claims that come after <paramref name="anchor"/> in that order: (a, b, id) after (x, y, n) is
    /// a &gt; x, or a = x and b &gt; y, or a = x and b = y and id &gt; n. The first column's "a ≥ x" is repeated in front,
    /// so both databases seek in the index to the anchor rather than filter every row before it.
    /// </summary>
    public static IQueryable<Claim> After(IQueryable<Claim> query, string key, bool descending, ClaimAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(anchor);
        var columns = Orders[key];
        Expression? beyond = null;
        Expression equalSoFar = Expression.Constant(true);
        foreach (var column in columns)
        {
            var step = Expression.AndAlso(equalSoFar, column.Beyond(anchor, descending, orEqual: false));
            beyond = beyond is null ? step : Expression.OrElse(beyond, step);
            equalSoFar = Expression.AndAlso(equalSoFar, column.Equal(anchor));
        }

        var seek = columns[0].Beyond(anchor, descending, orEqual: true);
        return query.Where(Expression.Lambda<Func<Claim, bool>>(Expression.AndAlso(seek, beyond!), Claim));
    }

    /// <summary>One column of an order: how to read it from a claim and from an anchor, and how it compares.</summary>
    private abstract class Column
    {
        public static readonly Column Id = Of(c => c.Id, a => a.Id);

        public static readonly Column Status = new StatusColumn();

        public static Column Of<T>(Expression<Func<Claim, T>> read, Func<ClaimAnchor, T> anchor) => new Typed<T>(read, anchor);

        public abstract IOrderedQueryable<Claim> OrderBy(IQueryable<Claim> query, IOrderedQueryable<Claim>? sorted, bool descending);

        public abstract Expression Equal(ClaimAnchor anchor);

        public abstract Expression Beyond(ClaimAnchor anchor, bool descending, bool orEqual);

        /// <summary>The anchor's value as a query parameter rather than a literal, so every page shares one query plan.</summary>
        protected static MemberExpression Parameter<T>(T value) =>
            Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

        private class Typed<T>(Expression<Func<Claim, T>> read, Func<ClaimAnchor, T> anchor) : Column
        {
            protected Expression Body { get; } = new Rebind(read.Parameters[0], Claim).Visit(read.Body);

            public override IOrderedQueryable<Claim> OrderBy(IQueryable<Claim> query, IOrderedQueryable<Claim>? sorted, bool descending) =>
                (sorted, descending) switch
                {
                    (null, false) => query.OrderBy(read),
                    (null, true) => query.OrderByDescending(read),
                    (_, false) => sorted.ThenBy(read),
                    _ => sorted.ThenByDescending(read),
                };

            public override Expression Equal(ClaimAnchor a) => Expression.Equal(Body, Parameter(anchor(a)));

            public override Expression Beyond(ClaimAnchor a, bool descending, bool orEqual)
            {
                var value = Parameter(anchor(a));

                // Strings compare as the database orders them (ordinal: C collation on PostgreSQL, binary on SQLite);
                // EF translates string.Compare(x, y) > 0 into x > y.
                var (left, right) = typeof(T) == typeof(string)
                    ? ((Expression)Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, Body, value),
                        (Expression)Expression.Constant(0))
                    : (Body, value);
                return (descending, orEqual) switch
                {
                    (false, false) => Expression.GreaterThan(left, right),
                    (false, true) => Expression.GreaterThanOrEqual(left, right),
                    (true, false) => Expression.LessThan(left, right),
                    _ => Expression.LessThanOrEqual(left, right),
                };
            }
        }

        /// <summary>
        /// The status is stored as its name, so the database orders it by name; "after" is the statuses whose names
        /// sort after the anchor's, which are few enough to list.
        /// </summary>
        private sealed class StatusColumn() : Typed<ClaimStatus>(c => c.Status, a => a.Status)
        {
            public override Expression Beyond(ClaimAnchor anchor, bool descending, bool orEqual)
            {
                var name = anchor.Status.ToString();
                return Enum.GetValues<ClaimStatus>()
                    .Where(s => string.CompareOrdinal(s.ToString(), name) is var order && (descending ? order < 0 : order > 0) || (orEqual && s == anchor.Status))
                    .Select(s => (Expression)Expression.Equal(Body, Expression.Constant(s)))
                    .Aggregate((Expression)Expression.Constant(false), Expression.OrElse);
            }
        }
    }

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
