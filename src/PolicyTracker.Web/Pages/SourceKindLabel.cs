using Microsoft.AspNetCore.Html;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Web.Pages;

/// <summary>
/// The label that tells a source's kind in words and style, never by colour alone. A fixed string per kind
/// rather than a partial view: the Claims and Contradictions pages show it hundreds of times.
/// </summary>
public static class SourceKindLabel
{
    private static readonly HtmlString Official =
        new("<span class=\"kind kind-official\" title=\"The provider's own policy, terms or help text\">Official policy</span>");

    private static readonly HtmlString Guide =
        new("<span class=\"kind kind-guide\" title=\"A how-to or help page written by someone else\">Guide</span>");

    private static readonly HtmlString Article =
        new("<span class=\"kind kind-article\" title=\"An article written about the provider\">Article</span>");

    public static HtmlString For(SourceKind kind) => kind switch
    {
        SourceKind.OfficialPolicy => Official,
        SourceKind.Guide => Guide,
        _ => Article,
    };
}
