using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Watching;

/// <summary>The one list of words for how a fetch ended, for the command line and the Sources page.</summary>
public static class FetchStatusText
{
    public static string For(FetchStatus? status) => status switch
    {
        FetchStatus.Added => "added",
        FetchStatus.NewVersion => "new version",
        FetchStatus.Unchanged => "unchanged",
        FetchStatus.NotModified => "not modified",
        FetchStatus.Failed => "failed",
        _ => "not fetched yet",
    };
}
