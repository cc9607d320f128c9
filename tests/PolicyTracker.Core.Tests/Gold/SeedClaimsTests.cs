using System.Text.RegularExpressions;
using PolicyTracker.Core.Extraction;

namespace PolicyTracker.Core.Tests.Gold;

public sealed class SeedClaimsTests
{
    // The scopes of the claim contract, written out here so that a scope added to the code alone fails.
    private static readonly HashSet<string> KnownScopes = new(StringComparer.Ordinal)
    {
        "all", "consumer", "free", "pro", "commercial", "api", "government",
    };

    private static readonly Dictionary<ValueKind, Regex> ValueForms = new()
    {
        [ValueKind.Stance] = new(@"^(?:opt-in|opt-out)$"),
        [ValueKind.YesNo] = new(@"^(?:yes|no)$"),
        [ValueKind.Duration] = new(@"^(?:P\d+D|account-lifetime)$"),
        [ValueKind.Date] = new(@"^\d{4}-\d{2}(?:-\d{2})?$"),
        [ValueKind.Timing] = new(@"^(?:past-and-future|future-only)$"),
        [ValueKind.Text] = new(@"^\S(?:.*\S)?$"),
    };

    /// <summary>Every seed and every dev document (Markdown, HTML and text), one row each.</summary>
    public static TheoryData<string, string> Documents
    {
        get
        {
            var rows = new TheoryData<string, string>();
            foreach (var set in new[] { GoldCorpus.SeedsSet, GoldCorpus.DevSet })
            {
                foreach (var name in GoldCorpus.FileNames(set))
                {
                    rows.Add(set, name);
                }
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Extract_Document_FindsClaims(string set, string fileName)
    {
        // Act
        var claims = GoldCorpus.Get(set, fileName).Claims;

        // Assert: every document of both sets is labelled with at least one claim.
        Assert.NotEmpty(claims);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Extract_Document_EveryQuoteIsTheSliceOfItsSpan(string set, string fileName)
    {
        // Arrange
        var corpus = GoldCorpus.Get(set, fileName);
        var text = corpus.Document.Text;

        // Act
        var claims = corpus.Claims;

        // Assert
        Assert.All(claims, c =>
        {
            Assert.InRange(c.Span.Start, 0, text.Length - 1);
            Assert.InRange(c.Span.End, c.Span.Start + 1, text.Length);
            Assert.Equal(text[c.Span.Start..c.Span.End], c.Quote);
        });
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Extract_Document_SubjectsScopesAndTopicsAreKnown(string set, string fileName)
    {
        // Arrange
        var catalog = TopicCatalog.Default;
        var subjects = catalog.Organisations.Select(o => o.Subject).ToHashSet(StringComparer.Ordinal);
        var topics = catalog.Topics.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);

        // Act
        var claims = GoldCorpus.Get(set, fileName).Claims;

        // Assert
        Assert.All(claims, c =>
        {
            Assert.Contains(c.Subject, subjects);
            Assert.Contains(c.Scope, KnownScopes);
            Assert.Contains(c.Topic, topics);
        });
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Extract_Document_ValuesHaveTheirTopicsForm(string set, string fileName)
    {
        // Arrange
        var kinds = TopicCatalog.Default.Topics.ToDictionary(t => t.Key, t => t.ValueKind, StringComparer.Ordinal);

        // Act
        var claims = GoldCorpus.Get(set, fileName).Claims;

        // Assert
        Assert.All(claims, c =>
        {
            var kind = kinds[c.Topic];
            Assert.True(ValueForms[kind].IsMatch(c.Value), $"{c.Topic} takes a {kind} value, not '{c.Value}' (\"{c.Quote}\")");
        });
    }
}
