using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Pages;

namespace PolicyTracker.Web.Components;

/// <summary>A source's kind in words and style, as every page labels it (<see cref="SourceKindLabel"/>).</summary>
public sealed class KindLabel : ComponentBase
{
    [Parameter]
    public SourceKind Kind { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var label = SourceKindLabel.Of(Kind);
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "kind " + label.CssClass);
        builder.AddAttribute(2, "title", label.Title);
        builder.AddContent(3, label.Text);
        builder.CloseElement();
    }
}

/// <summary>An editor's status on a claim as a badge, in the words every page uses.</summary>
public sealed class StatusBadge : ComponentBase
{
    [Parameter]
    public ClaimStatus Status { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "badge status-" + Status.ToString().ToLowerInvariant());
        builder.AddContent(2, ReportText.Status(Status));
        builder.CloseElement();
    }
}
