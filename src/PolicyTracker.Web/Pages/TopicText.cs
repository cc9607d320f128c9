using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PolicyTracker.Web.Pages;

/// <summary>A topic key that may wrap after its dots and underscores in a narrow column, never mid-word.</summary>
public static class TopicText
{
    public static HtmlString Breakable(string topic) =>
        new(string.Join("<wbr>", Parts(topic).Select(HtmlEncoder.Default.Encode)));

    /// <summary>The pieces a line may break between: each ends with its dot or underscore.</summary>
    public static IReadOnlyList<string> Parts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '_')
            {
                parts.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }
}
