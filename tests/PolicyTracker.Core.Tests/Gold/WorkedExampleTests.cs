using System.Text.Json;

namespace PolicyTracker.Core.Tests.Gold;

public sealed class WorkedExampleTests
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The worked examples of the claim contract, one row each, from <c>Gold/worked-examples.json</c>.</summary>
    public static TheoryData<string, string, string, string, string, string> Examples
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Gold", "worked-examples.json");
            var examples = JsonSerializer.Deserialize<List<WorkedExample>>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"{path} is empty");
            var rows = new TheoryData<string, string, string, string, string, string>();
            foreach (var e in examples)
            {
                rows.Add(e.Source, e.Subject, e.Topic, e.Scope, e.Value, e.Quote);
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Extract_WorkedExample_FindsExactlyThatClaim(string source, string subject, string topic, string scope, string value, string quote)
    {
        // Arrange
        var document = GoldCorpus.Read(GoldCorpus.SeedsSet, source);

        // Act
        var claims = GoldCorpus.Extractor.Extract(document);

        // Assert
        var match = claims.FirstOrDefault(c => (c.Subject, c.Topic, c.Scope, c.Value, c.Quote) == (subject, topic, scope, value, quote));
        Assert.True(match is not null, $"no claim '{subject} {topic} {scope} {value}' quoting \"{quote}\"; on that topic the extractor found:\n"
            + string.Join('\n', claims.Where(c => c.Topic == topic).Select(c => $"  {c.Subject} {c.Scope} {c.Value} \"{c.Quote}\"")));
        Assert.Equal(quote, document.Text[match.Span.Start..match.Span.End]);
    }

    private sealed record WorkedExample(string Source, string Subject, string Topic, string Scope, string Value, string Quote);
}
