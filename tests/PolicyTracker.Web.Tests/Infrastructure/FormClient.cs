using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>
/// A client that behaves like a browser with scripts off: it keeps cookies, reads pages, and posts forms from their
/// real markup, so every post carries the antiforgery token the page put in it. Redirects are not followed,
/// so a test sees where a post sends the user.
/// </summary>
public sealed class FormClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    // A parsed page does not know its address, and a form without an action posts back to it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IHtmlDocument, string> Addresses = [];

    public HttpClient Http { get; } = http;

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        var document = await ParseAsync(response);
        Addresses.AddOrUpdate(document, url);
        return document;
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Posts <paramref name="form"/> with the values its controls hold, as a browser would (checked boxes and radios
    /// only, controls outside the form that name it included), then with <paramref name="values"/> replacing those
    /// names. A value of null removes a name; several values for one name are given comma-joined in <paramref name="multi"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(
        IHtmlFormElement form, Dictionary<string, string?>? values = null, Dictionary<string, string[]>? multi = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = FieldsWith(form, values, multi);
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(ActionOf(form), content);
    }

    /// <summary>
    /// Posts <paramref name="form"/> as <c>multipart/form-data</c>, as a browser does a form with a file input: the
    /// values its controls hold, in their order (changed by <paramref name="values"/> as in <see cref="SubmitAsync"/>),
    /// then <paramref name="files"/> under the file input's name.
    /// </summary>
    public async Task<HttpResponseMessage> UploadAsync(
        IHtmlFormElement form, IEnumerable<(string Name, byte[] Bytes)> files, Dictionary<string, string?>? values = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(files);
        var fileField = form.QuerySelector("input[type=file]")?.GetAttribute("name")
            ?? throw new InvalidOperationException("The form has no file input.");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in FieldsWith(form, values, null))
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), fileField, name);
        }

        return await Http.PostAsync(ActionOf(form), content);
    }

    private static List<KeyValuePair<string, string>> FieldsWith(
        IHtmlFormElement form, Dictionary<string, string?>? values, Dictionary<string, string[]>? multi)
    {
        var fields = FieldsOf(form);
        foreach (var (name, value) in values ?? [])
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        foreach (var (name, many) in multi ?? [])
        {
            fields.RemoveAll(f => f.Key == name);
            fields.AddRange(many.Select(v => new KeyValuePair<string, string>(name, v)));
        }

        return fields;
    }

    private static string ActionOf(IHtmlFormElement form) =>
        form.GetAttribute("action") is { Length: > 0 } given ? given
            : Addresses.TryGetValue((IHtmlDocument)form.Owner!, out var address) ? address
            : throw new InvalidOperationException("The form has no action and its page was not read through this client.");

    /// <summary>The name/value pairs a browser would send for the form as it stands.</summary>
    public static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new List<KeyValuePair<string, string>>();
        var id = form.Id;
        var controls = form.QuerySelectorAll("input, textarea, select")
            .Concat(id is null ? [] : form.Owner!.QuerySelectorAll($"[form='{id}']"))
            .Distinct();
        foreach (var control in controls)
        {
            var name = control.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || control.HasAttribute("disabled"))
            {
                continue;
            }

            switch (control)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "image" or "file":
                    // A file input's files are sent as files, not as a value (see UploadAsync).
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }

        return fields;
    }

    public void Dispose() => Http.Dispose();
}
