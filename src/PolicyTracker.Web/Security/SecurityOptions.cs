namespace PolicyTracker.Web.Security;

public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>When true, every page and API call needs a signed-in user with a role; otherwise reading is open.</summary>
    public bool RequireSignInToRead { get; set; }
}
