using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PolicyTracker.Web.Pages.ApiDocs;

/// <summary>
/// Points to the OpenAPI document and lists the read API's endpoints from the same descriptions the document is
/// generated from, so the list and the document never disagree.
/// </summary>
public sealed class IndexModel(IApiDescriptionGroupCollectionProvider descriptions) : PageModel
{
    public IReadOnlyList<Endpoint> Endpoints { get; private set; } = [];

    public void OnGet() =>
        Endpoints = [.. descriptions.ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            .Select(d => new Endpoint(
                d.HttpMethod ?? "GET",
                "/" + d.RelativePath,
                d.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().FirstOrDefault()?.Summary))
            .OrderBy(e => e.Path, StringComparer.Ordinal)];

    public sealed record Endpoint(string Method, string Path, string? Summary);
}
