using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PolicyTracker.Web.Pages;

/// <summary>A topic key that may wrap after its dots and underscores in a narrow column, never mid-word.</summary>
public static class TopicText
{
    public static HtmlString Breakable(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var encoded = HtmlEncoder.Default.Encode(topic);
        return new HtmlString(encoded.Replace(".", ".<wbr>", StringComparison.Ordinal).Replace("_", "_<wbr>", StringComparison.Ordinal));
    }
}
