using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Pages;

namespace PolicyTracker.Web.Components;

/// <summary>
/// A component that is one element holding only text: written in code so no whitespace of a markup file joins it,
/// since labels stand between words.
/// </summary>
public abstract class TextElement : ComponentBase
{
    protected abstract string Name { get; }

    protected abstract string Text { get; }

    protected abstract IEnumerable<(string Name, string Value)> Attributes { get; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, Name);
        foreach (var (name, value) in Attributes)
        {
            builder.AddAttribute(1, name, value);
        }

        builder.AddContent(2, Text);
        builder.CloseElement();
    }
}

/// <summary>A source's kind in words and style, as every page labels it (<see cref="SourceKindLabel"/>).</summary>
public sealed class KindLabel : TextElement
{
    [Parameter]
    public SourceKind Kind { get; set; }

    protected override string Name => "span";

    protected override string Text => SourceKindLabel.Of(Kind).Text;

    protected override IEnumerable<(string Name, string Value)> Attributes =>
        [("class", "kind " + SourceKindLabel.Of(Kind).CssClass), ("title", SourceKindLabel.Of(Kind).Title)];
}

/// <summary>An editor's status on a claim as a badge, in the words every page uses.</summary>
public sealed class StatusBadge : TextElement
{
    [Parameter]
    public ClaimStatus Status { get; set; }

    protected override string Name => "span";

    protected override string Text => ReportText.Status(Status);

    protected override IEnumerable<(string Name, string Value)> Attributes => [("class", "badge status-" + Status.ToString().ToLowerInvariant())];
}
