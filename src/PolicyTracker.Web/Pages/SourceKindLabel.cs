using Microsoft.AspNetCore.Html;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Web.Pages;

/// <summary>
/// The label that tells a source's kind in words and style, never by colour alone. A fixed string per kind
/// rather than a partial view: the Claims and Contradictions pages show it hundreds of times. The shared components
/// (<see cref="Components.KindLabel"/>) write the same label from <see cref="Of"/>.
/// </summary>
public static class SourceKindLabel
{
    private static readonly Dictionary<SourceKind, HtmlString> Labels = Enum.GetValues<SourceKind>().ToDictionary(kind => kind, Label);

    public static HtmlString For(SourceKind kind) => Labels[kind];

    /// <summary>The label's words, class and explanation: fixed text, so nothing in it needs encoding.</summary>
    public static KindWords Of(SourceKind kind) => kind switch
    {
        SourceKind.OfficialPolicy => new("kind-official", "The provider's own policy, terms or help text", "Official policy"),
        SourceKind.Guide => new("kind-guide", "A how-to or help page written by someone else", "Guide"),
        _ => new("kind-article", "An article written about the provider", "Article"),
    };

    public sealed record KindWords(string CssClass, string Title, string Text);

    private static HtmlString Label(SourceKind kind)
    {
        var words = Of(kind);
        return new HtmlString($"<span class=\"kind {words.CssClass}\" title=\"{words.Title}\">{words.Text}</span>");
    }
}
