using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace PolicyTracker.Web.Charts;

/// <summary>
/// Writes one SVG element tree for a page: every attribute value and text encoded, numbers in invariant form, and a
/// <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c> the image is labelled by. Styling goes through classes and presentation
/// attributes only, never a <c>style</c> attribute, which the pages' Content-Security-Policy forbids.
/// </summary>
public sealed class Svg
{
    private readonly StringBuilder markup = new();
    private readonly Stack<string> open = new();

    /// <summary>Starts the image: a <paramref name="width"/> by <paramref name="height"/> view box that scales to its container.</summary>
    /// <param name="id">Unique on the page: the title's and description's ids are made from it.</param>
    public Svg(string id, double width, double height, string title, string description, string cssClass)
    {
        ArgumentNullException.ThrowIfNull(id);
        Open("svg",
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("id", id),
            ("class", cssClass),
            ("viewBox", $"0 0 {Number(width)} {Number(height)}"),
            ("role", "img"),
            ("aria-labelledby", $"{id}-title {id}-desc"));
        Element("title", title, ("id", $"{id}-title"));
        Element("desc", description, ("id", $"{id}-desc"));
    }

    /// <summary>Opens an element that later calls close.</summary>
    public Svg Open(string name, params (string Name, object? Value)[] attributes)
    {
        Start(name, attributes).Append('>');
        open.Push(name);
        return this;
    }

    /// <summary>Closes the element opened last.</summary>
    public Svg Close()
    {
        markup.Append("</").Append(open.Pop()).Append('>');
        return this;
    }

    /// <summary>An element with no content.</summary>
    public Svg Empty(string name, params (string Name, object? Value)[] attributes)
    {
        Start(name, attributes).Append("/>");
        return this;
    }

    /// <summary>An element holding only text (a <c>text</c>, <c>title</c> or <c>desc</c>).</summary>
    public Svg Element(string name, string text, params (string Name, object? Value)[] attributes)
    {
        Start(name, attributes).Append('>').Append(HtmlEncoder.Default.Encode(text)).Append("</").Append(name).Append('>');
        return this;
    }

    /// <summary>The finished image, every element closed.</summary>
    public HtmlString ToHtml()
    {
        while (open.Count > 0)
        {
            Close();
        }

        return new HtmlString(markup.ToString());
    }

    /// <summary>A coordinate or length as SVG reads it: invariant, at most two decimals.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private StringBuilder Start(string name, (string Name, object? Value)[] attributes)
    {
        markup.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            var text = value switch
            {
                double d => Number(d),
                int i => i.ToString(CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            markup.Append(' ').Append(attribute).Append("=\"").Append(HtmlEncoder.Default.Encode(text)).Append('"');
        }

        return markup;
    }
}
