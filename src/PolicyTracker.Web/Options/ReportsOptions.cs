using System.ComponentModel.DataAnnotations;

namespace PolicyTracker.Web.Options;

/// <summary>Who publishes the reports, and how the server prints them to PDF.</summary>
public sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    /// <summary>The organisation named as the reports' publisher and as the author of every ClaimReview.</summary>
    [Required]
    public OrganizationOptions Organization { get; set; } = new();

    /// <summary>The Chromium (or Chrome) executable that prints the HTML report to PDF; PDF is offered only when it exists.</summary>
    [Required]
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How long one PDF may take before the browser is stopped and the export fails.</summary>
    [Range(1, 3600)]
    public int PdfTimeoutSeconds { get; set; } = 120;

    public sealed class OrganizationOptions
    {
        [Required]
        public string Name { get; set; } = "PolicyTracker";

        /// <summary>The organisation's web address, if it has one.</summary>
        public string? Url { get; set; }
    }
}
