using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

public sealed class OpenApiTests(AnalystApp app) : IClassFixture<AnalystApp>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    [Fact]
    public async Task OpenApi_Document_IsOpenApi3WithEveryApiRouteAndEveryReferenceResolved()
    {
        // Act
        using var document = await GetDocumentAsync();

        // Assert: the required fields of an OpenAPI 3 document, with their types.
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, root.GetProperty("info").GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.String, root.GetProperty("info").GetProperty("version").ValueKind);
        var paths = root.GetProperty("paths").EnumerateObject().ToList();
        Assert.All(paths, path =>
        {
            Assert.StartsWith("/api/", path.Name, StringComparison.Ordinal);
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var responses = operation.Value.GetProperty("responses").EnumerateObject().ToList();
                Assert.NotEmpty(responses);
                Assert.All(responses, r => Assert.Matches("^([1-5][0-9X]{2}|default)$", r.Name));
            }
        });

        // Every API route the app maps is documented, and nothing else.
        var routes = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal))
            .Select(p => p.Replace(":long", "", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(routes, paths.Select(p => p.Name).Order(StringComparer.Ordinal));

        // Every $ref points at a schema the document holds.
        var schemas = root.GetProperty("components").GetProperty("schemas");
        foreach (var reference in References(root))
        {
            Assert.StartsWith("#/components/schemas/", reference, StringComparison.Ordinal);
            Assert.True(schemas.TryGetProperty(reference["#/components/schemas/".Length..], out _), $"{reference} is not in the document");
        }
    }

    [Fact]
    public async Task OpenApi_EveryGet_AnswersOnTheLiveAppWithItsDocumentedExample()
    {
        // Arrange
        using var document = await GetDocumentAsync();
        using var client = app.Factory.CreateClient();
        var gets = document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out _))
            .ToList();
        Assert.Contains(gets, p => p.Name == "/api/providers");

        foreach (var path in gets)
        {
            // Act: path parameters filled with a real id.
            var url = path.Name.Replace("{id}", app.Claims["policy-training"].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.DoesNotContain("{", url, StringComparison.Ordinal);
            using var response = await client.GetAsync(url);

            // Assert
            Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
            var ok = path.Value.GetProperty("get").GetProperty("responses").GetProperty("200");
            var media = ok.GetProperty("content").GetProperty("application/json");
            Assert.True(media.TryGetProperty("example", out _), $"{path.Name} has no example answer");
            Assert.True(media.TryGetProperty("schema", out _), $"{path.Name} has no response shape");
        }
    }

    [Fact]
    public async Task ApiDocsPage_LinksTheDocumentAndListsEveryEndpoint()
    {
        // Act
        var page = await app.GetDocumentAsync("/ApiDocs");
        using var document = await GetDocumentAsync();

        // Assert
        Assert.Equal("/openapi/v1.json", page.QuerySelector("#openapi-link")!.GetAttribute("href"));
        Assert.Equal(
            document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            page.QuerySelectorAll(".api-endpoints code").Select(c => c.TextContent.Replace(":long", "", StringComparison.Ordinal)));
    }

    private async Task<JsonDocument> GetDocumentAsync()
    {
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string> References(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == "$ref" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : References(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(References),
        _ => [],
    };
}
