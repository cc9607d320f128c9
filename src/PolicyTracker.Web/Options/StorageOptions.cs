using System.ComponentModel.DataAnnotations;

namespace PolicyTracker.Web.Options;

/// <summary>Where the app keeps its files: the default database and the logs.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The data folder, relative to the current directory unless rooted; created when missing.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
