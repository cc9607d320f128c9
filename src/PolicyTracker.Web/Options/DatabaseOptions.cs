using System.ComponentModel.DataAnnotations;

namespace PolicyTracker.Web.Options;

/// <summary>
/// How the app reaches its database. The connection string is read from <c>ConnectionStrings:Default</c>,
/// the conventional place, rather than from this section.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "Default";

    public const string DefaultFileName = "policytracker.db";

    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>How long a connection waits for another writer's lock before it gives up.</summary>
    [Range(1, 3600)]
    public int BusyTimeoutSeconds { get; set; } = 30;
}
