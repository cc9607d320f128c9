using Microsoft.AspNetCore.Components;

namespace PolicyTracker.Web.Export.Report;

/// <summary>
/// The report's inline stylesheet: the styles it shares with the pages (<c>wwwroot/css/components.css</c>) and then
/// its own (<c>report.css</c>), both built into the app, so the report needs no file beside it.
/// </summary>
public static class ReportStylesheet
{
    public static string Css { get; } = Read("components.css") + "\n" + Read("report.css");

    /// <summary>The stylesheet for the report's <c>style</c> element: the app's own text, with no markup in it.</summary>
    public static MarkupString Markup { get; } = new(Css);

    private static string Read(string name)
    {
        using var stream = typeof(ReportStylesheet).Assembly.GetManifestResourceStream("PolicyTracker.Web." + name)
            ?? throw new InvalidOperationException($"The stylesheet {name} is not built into the app.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
