using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using PolicyTracker.Web.Pages;

namespace PolicyTracker.Web.Components;

/// <summary>A topic key or file name that may wrap after its dots and underscores in a narrow column, never mid-word.</summary>
public sealed class Breakable : ComponentBase
{
    [Parameter, EditorRequired]
    public string Text { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var parts = TopicText.Parts(Text);
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                builder.OpenElement(0, "wbr");
                builder.CloseElement();
            }

            builder.AddContent(1, parts[i]);
        }
    }
}
