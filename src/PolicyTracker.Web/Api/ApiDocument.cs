using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Api;

/// <summary>
/// The OpenAPI document of the read API, served at <see cref="Path"/>: every <c>/api/*</c> endpoint with its
/// parameters and response shapes, generated from the endpoints themselves so it cannot drift from them, plus an
/// example answer for each, written from the same records the endpoints return.
/// </summary>
public static partial class ApiDocument
{
    public const string Name = "v1";

    public const string Path = "/openapi/v1.json";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static void AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            // Pages, feeds and the health check are not part of the read API.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "PolicyTracker read API",
                    Version = "1",
                    Description = "Read-only JSON in the JSON export's shapes. Reading needs no account. "
                        + "Every answer writes <, > and & as \\u003C, \\u003E and \\u0026.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (Examples.TryGetValue(RouteKey(context.Description.RelativePath), out var example)
                    && operation.Responses?.TryGetValue("200", out var ok) == true
                    && ok.Content?.TryGetValue("application/json", out var media) == true)
                {
                    media.Example = JsonSerializer.SerializeToNode(example, Web);
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>A route as the examples are keyed: constraints dropped, <c>api/claims/{id:long}</c> read as <c>api/claims/{id}</c>.</summary>
    private static string RouteKey(string? relativePath) => Constraint().Replace(relativePath ?? "", "{$1}");

    [GeneratedRegex(@"\{(\w+):[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Constraint();

    public static void MapApiDocument(this IEndpointRouteBuilder routes) => routes.MapOpenApi("/openapi/{documentName}.json");

    private static readonly ClaimJson ExampleClaim = new(
        42, "anthropic-privacy.md", "anthropic", "retention.deleted_chats", "consumer", "P30D",
        "Deleted chats are removed within 30 days.", 5120, 5161, "Verified", 0.92,
        [new StoredCue("action", "removed", 21, 28)], "None");

    /// <summary>One example answer per endpoint, by its route as the API explorer names it.</summary>
    private static readonly Dictionary<string, object> Examples = new(StringComparer.Ordinal)
    {
        ["api/claims"] = new ClaimsPageJson(1, 50, 1, 1, null, [ExampleClaim]),
        ["api/claims/{id}"] = ExampleClaim,
        ["api/contradictions"] = new[]
        {
            new ContradictionJson("openai", "training.default", [7, 19], ["opt-in", "opt-out"], ["openai-privacy.md", "review.txt"], false),
        },
        ["api/changes"] = new[]
        {
            new ChangeJson("openai", "training.default", "consumer", "changed", "opt-in", "opt-out", "openai-privacy", "2025-03-01", "2025-09-28",
                "We do not train on your chats unless you opt in", "We may train on your chats unless you opt out", 2, 3),
        },
        ["api/sources"] = new[]
        {
            new SourceJson(3, "openai-privacy.md", "OpenAI privacy policy", "Markdown", "OfficialPolicy", new string('a', 64), 2, "2025-10-01T00:00:00Z"),
        },
        ["api/providers"] = new ProviderMatrixJson(
            [new MatrixSubjectJson("openai", 14)],
            "2025-09-03",
            [
                new MatrixRowJson("training", "training.default",
                [
                    new MatrixCellJson("openai", "opt-out", true, 2, 3, 3, [new MatrixValueJson("opt-in", 1, 0)], "Disagree", true, false, true, false,
                        "/Claims?subject=openai&topic=training.default"),
                ]),
            ]),
    };
}
