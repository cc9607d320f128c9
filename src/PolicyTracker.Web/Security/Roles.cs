namespace PolicyTracker.Web.Security;

/// <summary>
/// The three roles, each including what the one before it may do: a reader reads, an editor also tags claims
/// and reviews contradictions, an admin also manages accounts.
/// </summary>
public static class Roles
{
    public const string Reader = "Reader";

    public const string Editor = "Editor";

    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Reader, Editor, Admin];

    /// <summary>The role's name as spelled here, whatever case it was typed in; null when it is not a role.</summary>
    public static string? Find(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
