using System.ComponentModel.DataAnnotations;

namespace PolicyTracker.Web.Options;

/// <summary>The articles an empty database is filled with at start-up.</summary>
public sealed class SeedsOptions
{
    public const string SectionName = "Seeds";

    /// <summary>Defaults to the seeds copied beside the app, so it works from any current directory.</summary>
    [Required]
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "seeds");
}
