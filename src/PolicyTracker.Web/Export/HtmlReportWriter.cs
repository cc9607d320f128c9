using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using PolicyTracker.Web.Components;
using PolicyTracker.Web.Export.Report;

namespace PolicyTracker.Web.Export;

/// <summary>
/// Renders a <see cref="ComparisonReport"/> as one self-contained HTML file from Razor components
/// (<see cref="ReportDocument"/> and its parts, some of them the pages' own components), with ASP.NET Core's
/// <see cref="HtmlRenderer"/>: Razor encodes every text and attribute, so untrusted quotes stay text. The frame is
/// rendered first and each part after it on its own, written out before the next is rendered, so neither the whole
/// HTML nor the render tree of the whole report is ever held.
/// </summary>
public static class HtmlReportWriter
{
    // Letters outside ASCII stay as they are (the file is UTF-8), so quotes in other languages stay readable in the source.
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    // Where the frame takes its parts. A comment no encoded text can produce, since every '<' of text is encoded.
    private const string PartsMarker = "<!--report-parts-->";

    public static async Task WriteAsync(ComparisonReport report, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var frame = await RenderAsync<ReportDocument>(new Dictionary<string, object?>
        {
            [nameof(ReportDocument.Report)] = report,
            [nameof(ReportDocument.Parts)] = (RenderFragment)(builder => builder.AddMarkupContent(0, PartsMarker)),
        });
        var at = frame.IndexOf(PartsMarker, StringComparison.Ordinal);
        await output.WriteAsync(frame.AsMemory(0, at), ct);
        foreach (var part in report.Parts)
        {
            var html = await RenderAsync<ReportPartView>(new Dictionary<string, object?>
            {
                [nameof(ReportPartView.Report)] = report, [nameof(ReportPartView.Part)] = part,
            });
            await output.WriteAsync(html.AsMemory(), ct);
        }

        await output.WriteAsync(frame.AsMemory(at + PartsMarker.Length), ct);
        await output.FlushAsync(ct);
    }

    /// <summary>One component with its parameters, rendered to HTML outside any page: the report and its tests use it.</summary>
    public static Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent =>
        StaticHtml.RenderAsync<TComponent>(Services, parameters);
}
