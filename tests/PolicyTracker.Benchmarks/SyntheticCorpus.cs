using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Benchmarks;

/// <summary>
/// Writes synthetic sources and claims straight into a SQLite database at the current schema. Subjects, topics,
/// scopes and values follow the catalog; each topic has a majority value per subject, so most subject/topic
/// pairs are disputed the way real sources are: many agree, a few say otherwise. Every quote is an exact slice
/// of its source's text.
/// </summary>
internal sealed class SyntheticCorpus(int sources, int claims, int seed)
{
    private static readonly (string Subject, string Name, int Weight)[] Subjects =
    [
        ("anthropic", "Anthropic", 30), ("openai", "OpenAI", 25), ("google", "Google", 15),
        ("microsoft", "Microsoft", 12), ("meta", "Meta", 10), ("mistral", "Mistral", 8),
    ];

    private static readonly (string Scope, int Weight)[] ScopeWeights =
        [("consumer", 40), ("all", 20), ("free", 10), ("pro", 10), ("commercial", 12), ("api", 6), ("government", 2)];

    private static readonly Dictionary<ValueKind, string[]> Values = new()
    {
        [ValueKind.Stance] = ["opt-in", "opt-out"],
        [ValueKind.YesNo] = ["yes", "no"],
        [ValueKind.Duration] = ["P30D", "P90D", "P365D", "P1825D", "P0D", "account-lifetime"],
        [ValueKind.Date] = ["2025-09-28", "2025-10-29", "2025-08"],
        [ValueKind.Text] = ["AES-256", "TLS", "AES-128"],
        [ValueKind.Timing] = ["future-only", "past-and-future"],
    };

    private static readonly string[] Fillers =
    [
        "We looked at the settings page again this week.",
        "The help centre explains this in a short FAQ.",
        "Readers asked us to check the fine print.",
        "Nothing else in the document changes this.",
        "The wording changed slightly in the latest revision.",
    ];

    /// <summary>
    /// The SQLite file the page and export benchmarks run on: <paramref name="database"/> (or one in temp named by its
    /// size) reused as it is when it exists, so the generator runs once and timings can be repeated; generated otherwise.
    /// Returns its connection string.
    /// </summary>
    public static async Task<string> EnsureDatabaseAsync(string? database, int sources, int claims)
    {
        database ??= Path.Combine(Path.GetTempPath(), $"policytracker-bench-{sources}-{claims}.db");
        var connectionString = $"Data Source={database}";
        if (File.Exists(database))
        {
            Console.WriteLine($"Reusing {database}");
            return connectionString;
        }

        var generate = System.Diagnostics.Stopwatch.StartNew();
        await new SyntheticCorpus(sources, claims, seed: 20261123).WriteAsync(connectionString, CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Console.WriteLine($"Generated {sources} sources and {claims} claims into {database} in {generate.Elapsed.TotalSeconds:F1} s");
        return connectionString;
    }

    public async Task WriteAsync(string connectionString, CancellationToken ct)
    {
        var options = new DbContextOptionsBuilder<PolicyDbContext>().UseSqlite(connectionString).Options;
        await using (var db = new PolicyDbContext(options))
        {
            await db.Database.MigrateAsync(ct);
        }

        var random = new Random(seed);
        var topics = TopicCatalog.Default.Topics;
        var now = DateTimeOffset.UtcNow;

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insertSource = connection.CreateCommand();
        insertSource.Transaction = transaction;
        insertSource.CommandText = """
            INSERT INTO Sources (FileName, Title, Format, Kind, Sha256, ByteCount, Text, Version, IngestedAt, UpdatedAt)
            VALUES ($file, $title, 'Text', $kind, $sha, $bytes, $text, 1, $at, $at) RETURNING Id;
            """;
        string[] sourceParameters = ["$file", "$title", "$kind", "$sha", "$bytes", "$text", "$at"];
        foreach (var name in sourceParameters)
        {
            insertSource.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        await using var insertClaim = connection.CreateCommand();
        insertClaim.Transaction = transaction;
        insertClaim.CommandText = """
            INSERT INTO Claims (SourceId, Subject, Topic, Scope, Value, Quote, Start, End, Status)
            VALUES ($source, $subject, $topic, $scope, $value, $quote, $start, $end, 'Unreviewed');
            """;
        string[] claimParameters = ["$source", "$subject", "$topic", "$scope", "$value", "$quote", "$start", "$end"];
        foreach (var name in claimParameters)
        {
            insertClaim.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        await using var insertVersion = connection.CreateCommand();
        insertVersion.Transaction = transaction;
        insertVersion.CommandText = """
            INSERT INTO SourceVersions (SourceId, Version, Sha256, ByteCount, ClaimCount, IngestedAt)
            VALUES ($source, 1, $sha, $bytes, $count, $at);
            """;
        foreach (var name in new[] { "$source", "$sha", "$bytes", "$count", "$at" })
        {
            insertVersion.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        for (var s = 0; s < sources; s++)
        {
            // Spread the claims evenly: the first sources take one more when they do not divide.
            var count = claims / sources + (s < claims % sources ? 1 : 0);
            var main = Pick(random, Subjects.Select(x => (x, x.Weight)).ToArray());
            var kind = random.Next(100) switch { < 10 => "OfficialPolicy", < 30 => "Guide", _ => "Article" };
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"What {main.Name} does with your data, part {s}\n\n");
            var rows = new List<(string Subject, string Topic, string Scope, string Value, string Quote, int Start, int End)>(count);
            for (var c = 0; c < count; c++)
            {
                // Most claims are about the document's main subject; some compare it with another provider.
                var subject = random.Next(100) < 80 ? main : Pick(random, Subjects.Select(x => (x, x.Weight)).ToArray());
                var topic = topics[random.Next(topics.Count)];
                var values = Values[topic.ValueKind];
                var majority = values[Math.Abs(HashCode.Combine(subject.Subject.GetHashCode(StringComparison.Ordinal), topic.Key.Length, seed)) % values.Length];
                var value = random.Next(100) < 85 ? majority : values[random.Next(values.Length)];
                var scope = Pick(random, ScopeWeights.Select(x => (x.Scope, x.Weight)).ToArray());
                if (random.Next(4) == 0)
                {
                    text.Append(Fillers[random.Next(Fillers.Length)]).Append(' ');
                }

                var quote = $"{subject.Name} ({scope} plans): {topic.Question.TrimEnd('?')} - {value}.";
                var start = text.Length;
                text.Append(quote);
                rows.Add((subject.Subject, topic.Key, scope, value, quote, start, text.Length));
                text.Append(random.Next(3) == 0 ? "\n\n" : " ");
            }

            var body = text.ToString();
            var bytes = Encoding.UTF8.GetBytes(body);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var at = now.AddMinutes(-sources + s).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
            Set(insertSource, ("$file", $"synthetic-{s:D5}-{main.Subject}.txt"), ("$title", $"What {main.Name} does with your data, part {s}"),
                ("$kind", kind), ("$sha", sha), ("$bytes", bytes.LongLength), ("$text", body), ("$at", at));
            var sourceId = (long)(await insertSource.ExecuteScalarAsync(ct))!;

            foreach (var row in rows)
            {
                Set(insertClaim, ("$source", sourceId), ("$subject", row.Subject), ("$topic", row.Topic), ("$scope", row.Scope),
                    ("$value", row.Value), ("$quote", row.Quote), ("$start", row.Start), ("$end", row.End));
                await insertClaim.ExecuteNonQueryAsync(ct);
            }

            Set(insertVersion, ("$source", sourceId), ("$sha", sha), ("$bytes", bytes.LongLength), ("$count", rows.Count), ("$at", at));
            await insertVersion.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync(ct);
    }

    private static T Pick<T>(Random random, (T Item, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (item, weight) in weighted)
        {
            if ((roll -= weight) < 0)
            {
                return item;
            }
        }

        return weighted[^1].Item;
    }

    private static void Set(SqliteCommand command, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value;
        }
    }
}
