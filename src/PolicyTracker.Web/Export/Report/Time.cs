using Microsoft.AspNetCore.Components;
using PolicyTracker.Web.Components;

namespace PolicyTracker.Web.Export.Report;

/// <summary>A moment as the report writes it: readable text, with the exact timestamp for machines.</summary>
public sealed class Time : TextElement
{
    [Parameter]
    public DateTimeOffset At { get; set; }

    protected override string Name => "time";

    protected override string Text => ReportText.Timestamp(At);

    protected override IEnumerable<(string Name, string Value)> Attributes => [("datetime", JsonExporter.Timestamp(At))];
}
