using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Core.Comparison;
using PolicyTracker.Web.Comparison;
using PolicyTracker.Web.Export;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

/// <summary>The Providers page over the seeds and the real policies: every subject and topic with data has its cell.</summary>
public sealed class ProvidersCorpusTests(CorpusApp app) : IClassFixture<CorpusApp>
{
    [Fact]
    public async Task Providers_SeedsAndRealPolicies_EverySubjectAndTopicWithClaimsShowsAValue()
    {
        // Arrange: the subject and topic of every claim that counts (suggestions are left out by the claims' filter).
        List<(string Subject, string Topic)> stated;
        MatrixResult result;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.PolicyDbContext>();
            stated = [.. (await db.Claims.AsNoTracking().Select(c => new { c.Subject, c.Topic }).Distinct().ToListAsync())
                .Select(c => (c.Subject, c.Topic))];
            result = await scope.ServiceProvider.GetRequiredService<ProviderMatrixQueries>().BuildAsync(MatrixQuery.All, ReportFilter.All, default);
        }

        using var client = app.Anonymous();

        // Act
        var page = await client.GetDocumentAsync("/Providers");

        // Assert: the real policies bring many providers, and each pair they state is a cell with a value and a link.
        Assert.True(stated.Select(s => s.Subject).Distinct().Count() >= 15, "the real policies should bring at least 15 subjects");
        Assert.Equal(
            stated.Select(s => s.Subject).Distinct().Order(StringComparer.Ordinal),
            page.QuerySelectorAll(".provider-matrix thead th[data-subject]").Select(th => th.GetAttribute("data-subject")!).Order(StringComparer.Ordinal));
        foreach (var (subject, topic) in stated)
        {
            var cell = page.QuerySelector($".provider-matrix tr[data-topic='{topic}'] td[data-subject='{subject}']");
            Assert.True(cell is not null, $"{subject} {topic} has no cell");
            Assert.DoesNotContain("no statement found", cell.TextContent, StringComparison.Ordinal);
            var model = result.Matrix.Rows.Single(r => r.Topic == topic).Cells.Single(c => c.Subject == subject);
            Assert.Equal(model.Shown!.Value, cell.QuerySelector(".value")!.TextContent);
            Assert.Equal(result.ClaimsUrl(model), cell.QuerySelector("a.cell-link")!.GetAttribute("href"));
        }
    }
}
