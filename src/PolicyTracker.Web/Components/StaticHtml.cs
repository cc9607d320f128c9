using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace PolicyTracker.Web.Components;

/// <summary>
/// A Razor component rendered to HTML outside any request, with ASP.NET Core's <see cref="HtmlRenderer"/>: Razor
/// encodes every text and attribute, so untrusted values stay text in the HTML kept or written out.
/// </summary>
public static class StaticHtml
{
    /// <summary>What a page's components render with: the app's default encoder, as the component tag helper uses.</summary>
    public static IServiceProvider PageServices { get; } = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Default)
        .BuildServiceProvider();

    public static async Task<string> RenderAsync<TComponent>(IServiceProvider services, IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return root.ToHtmlString();
        });
    }
}
