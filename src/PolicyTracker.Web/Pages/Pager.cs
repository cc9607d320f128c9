namespace PolicyTracker.Web.Pages;

/// <summary>Previous and next links for a paged list; <see cref="UrlFor"/> builds the link to a page.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string?> UrlFor, string Label = "Pages");
