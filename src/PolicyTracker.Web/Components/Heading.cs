using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace PolicyTracker.Web.Components;

/// <summary>A heading at the level its document needs: a part shared by a page and the report sits lower in the report.</summary>
public sealed class Heading : ComponentBase
{
    [Parameter]
    public int Level { get; set; } = 3;

    [Parameter]
    public string? Id { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, "h" + Math.Clamp(Level, 1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Id is not null)
        {
            builder.AddAttribute(1, "id", Id);
        }

        builder.AddContent(2, ChildContent);
        builder.CloseElement();
    }
}
