namespace PolicyTracker.Web.Export;

/// <summary>The formats an export can be written in.</summary>
public enum ExportFormat
{
    Json,
    Csv,
    Markdown,
    Html,
    ClaimReview,
    Pdf,
}

/// <summary>Each format's name on the command line and in the query string, its media type and its file extension.</summary>
public static class ExportFormats
{
    /// <summary>The names, in the order the usage text and the Export page list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["json", "csv", "md", "html", "claimreview", "pdf"];

    public static bool TryParse(string? name, out ExportFormat format)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "json":
                format = ExportFormat.Json;
                return true;
            case "csv":
                format = ExportFormat.Csv;
                return true;
            case "md" or "markdown":
                format = ExportFormat.Markdown;
                return true;
            case "html":
                format = ExportFormat.Html;
                return true;
            case "claimreview" or "jsonld" or "json-ld":
                format = ExportFormat.ClaimReview;
                return true;
            case "pdf":
                format = ExportFormat.Pdf;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static string Name(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "csv",
        ExportFormat.Markdown => "md",
        ExportFormat.Html => "html",
        ExportFormat.ClaimReview => "claimreview",
        ExportFormat.Pdf => "pdf",
        _ => "json",
    };

    public static string ContentType(ExportFormat format) => format switch
    {
        // header=present tells a client the first row names the columns (RFC 4180, section 3).
        ExportFormat.Csv => "text/csv; charset=utf-8; header=present",
        ExportFormat.Markdown => "text/markdown; charset=utf-8",
        ExportFormat.Html => "text/html; charset=utf-8",
        ExportFormat.ClaimReview => "application/ld+json; charset=utf-8",
        ExportFormat.Pdf => "application/pdf",
        _ => "application/json; charset=utf-8",
    };

    public static string FileName(ExportFormat format, DateTimeOffset at)
    {
        var stamp = at.UtcDateTime.ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return format switch
        {
            ExportFormat.Csv => $"policytracker-claims-{stamp}.csv",
            ExportFormat.Markdown => $"policytracker-report-{stamp}.md",
            ExportFormat.Html => $"policytracker-report-{stamp}.html",
            ExportFormat.ClaimReview => $"policytracker-claimreview-{stamp}.jsonld",
            ExportFormat.Pdf => $"policytracker-report-{stamp}.pdf",
            _ => $"policytracker-export-{stamp}.json",
        };
    }
}
