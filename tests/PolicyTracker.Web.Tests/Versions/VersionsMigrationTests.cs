using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Versions;

/// <summary>A database from before versions kept their text upgrades without losing when its versions were seen.</summary>
public sealed class VersionsMigrationTests : IDisposable
{
    private readonly Workspace workspace = new();

    [Fact]
    public async Task Migrate_VersionsStoredBeforeVersionsKeptText_ObservedWhenIngestedAndNamedByTheirSource()
    {
        // Arrange: the schema as it was, with one source and its two hash-only versions.
        var first = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var second = new DateTimeOffset(2025, 11, 20, 8, 0, 0, TimeSpan.Zero);
        await using (var before = workspace.CreateDbContext())
        {
            await before.GetService<IMigrator>().MigrateAsync("Suggestions");
            await before.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "Sources" ("FileName", "Title", "Format", "Kind", "Sha256", "ByteCount", "Text", "Version", "IngestedAt", "UpdatedAt")
                VALUES ('old.md', NULL, 'Markdown', 'OfficialPolicy', {new string('b', 64)}, 10, 'Old text.', 2, {first}, {second})
                """);
            await before.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "SourceVersions" ("SourceId", "Version", "Sha256", "ByteCount", "ClaimCount", "IngestedAt")
                VALUES ((SELECT "Id" FROM "Sources"), 1, {new string('a', 64)}, 9, 0, {first}),
                       ((SELECT "Id" FROM "Sources"), 2, {new string('b', 64)}, 10, 0, {second})
                """);
        }

        // Act
        await using var db = workspace.CreateDbContext();
        await db.Database.MigrateAsync();

        // Assert
        var versions = await db.SourceVersions.OrderBy(v => v.Version).ToListAsync();
        Assert.Equal([first, second], versions.Select(v => v.ObservedAt));
        Assert.All(versions, v => Assert.Equal("old.md", v.FileName));
        Assert.All(versions, v => Assert.Null(v.Text));
    }

    public void Dispose() => workspace.Dispose();
}
