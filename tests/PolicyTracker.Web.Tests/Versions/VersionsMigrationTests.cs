using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PolicyTracker.Web.Data;
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
            await WriteAtOldSchemaAsync(before, $"""
                INSERT INTO "Sources" ("FileName", "Title", "Format", "Kind", "Sha256", "ByteCount", "Text", "Version", "IngestedAt", "UpdatedAt")
                VALUES ('old.md', NULL, 'Markdown', 'OfficialPolicy', {new string('b', 64)}, 10, 'Old text.', 2, {first}, {second})
                """);
            await WriteAtOldSchemaAsync(before, $"""
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

    /// <summary>
    /// Runs a write as an app of that schema did: past the interceptor that moves the data version, whose table the
    /// schema does not have yet. The interpolated values become parameters.
    /// </summary>
    private static async Task WriteAtOldSchemaAsync(PolicyDbContext db, FormattableString sql)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var names = Enumerable.Range(0, sql.ArgumentCount).Select(i => (object)$"@p{i}").ToArray();
#pragma warning disable CA2100 // Justification: the text is the test's own; every value is a parameter.
        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql.Format, names);
#pragma warning restore CA2100
        for (var i = 0; i < sql.ArgumentCount; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = sql.GetArgument(i);
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}
