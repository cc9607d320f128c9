using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace PolicyTracker.Web.Export.Report;

/// <summary>A moment as the report writes it: readable text, with the exact timestamp for machines.</summary>
public sealed class Time : ComponentBase
{
    [Parameter]
    public DateTimeOffset At { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, "time");
        builder.AddAttribute(1, "datetime", JsonExporter.Timestamp(At));
        builder.AddContent(2, ReportText.Timestamp(At));
        builder.CloseElement();
    }
}
