using PolicyTracker.Web.Versions;

namespace PolicyTracker.Web.Pages;

/// <summary>
/// A table of changes, as the Changes page and the diff page's summary show them: one look for a change wherever
/// it appears. The diff page leaves out the source column, as every row is its own source's.
/// </summary>
public sealed record ChangeTableView(string Id, string Caption, IReadOnlyList<ChangeRow> Rows, bool ShowSource);
