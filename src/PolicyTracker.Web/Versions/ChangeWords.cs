using System.Globalization;
using PolicyTracker.Core.Versions;

namespace PolicyTracker.Web.Versions;

/// <summary>
/// How a change between versions and a version's dates are worded, decided once for the Changes page, the diff
/// summary, the Atom feeds and anything that later exports changes, so none of them words a change differently.
/// </summary>
public static class ChangeWords
{
    /// <summary>The arrow between an older and a newer value.</summary>
    public const string Arrow = "→";

    /// <summary>The sentence a list of changes shows when it has none.</summary>
    public const string None = "No changes between versions have been found yet.";

    /// <summary>The kind as a short lower-case label: added, removed or changed.</summary>
    public static string Kind(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        _ => "changed",
    };

    /// <summary>
    /// The values of a change, "from → to"; a side the version does not have reads "none", so an added claim is
    /// "none → opt-out" and a removed one "opt-in → none".
    /// </summary>
    public static string Values(string? from, string? to) => $"{from ?? "none"} {Arrow} {to ?? "none"}";

    /// <summary>One line naming a change: "openai · training.default: opt-in → opt-out".</summary>
    public static string Title(string subject, string topic, string? from, string? to) =>
        $"{subject} · {topic}: {Values(from, to)}";

    /// <summary>A date as every version and change shows it.</summary>
    public static string Date(DateTimeOffset at) => Export.ReportText.Date(at);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The date a version gives itself, or that it gives none.</summary>
    public static string Stated(DateOnly? stated) => stated is { } date ? $"states {Date(date)}" : "states no date";

    /// <summary>Since when a source has said what a claim says: "since version 2 (2025-09-30)".</summary>
    public static string Since(int version, DateTimeOffset observed) => $"since version {version} ({Date(observed)})";

    /// <summary>A version as a link or heading names it: "version 2 (2025-09-30)".</summary>
    public static string Version(int version, DateTimeOffset observed) => $"version {version} ({Date(observed)})";
}
