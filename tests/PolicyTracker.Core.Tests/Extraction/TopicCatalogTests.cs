using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Core.Sources;

namespace PolicyTracker.Core.Tests.Extraction;

public sealed class TopicCatalogTests
{
    private static readonly string[] LabelledFolders =
        ["seeds", "gold/dev", "gold/holdout2", "gold/holdout3", "gold/real-dev", "gold/real-holdout", "gold/written-dev", "gold/written-holdout"];

    // A pattern on which .NET 10's compiled engine throws IndexOutOfRangeException from inside the match, with a
    // sentence that trips it: a lazy bounded loop of words between an optional group and an alternation.
    private const string CompiledEngineFault =
        @"\bto (?:help )?(?:train|develop|improve|refine)\b(?:,? (?:and |or )?(?:train|develop|improve|refine)\b)*,? (?:our |its |the |their )?(?:[\w-]+ ){0,2}?(?:ai|models?|machine learning)\b";

    private const string FaultSentence = "We collect data to improve the Services and conduct research, and to improve our models.";

    // A pattern on which .NET 10's compiled engine loops without end on a sentence holding "You also may not use the":
    // an optional group of alternatives before a lazy bounded loop of words.
    private const string CompiledEngineLoop =
        @"\b(?:you|users?)\s+(?:also\s+|still\s+|always\s+)?(?:can|may|could)\s+(?:\w+\s+){0,3}?(?:opt(?:ing)?[- ]?(?:out|in)|turn|switch)\b";

    private const string LoopSentence = "You also may not use the Services for that, but you can opt out of training.";

    // The built-in topics of the claim contract (docs/claims.md).
    public static TheoryData<string, ValueKind> ContractTopics => new()
    {
        { "training.default", ValueKind.Stance },
        { "training.user_control", ValueKind.YesNo },
        { "training.safety_exception", ValueKind.YesNo },
        { "training.setting_timing", ValueKind.Timing },
        { "training.opt_in_introduced", ValueKind.Date },
        { "retention.deleted_chats", ValueKind.Duration },
        { "retention.closed_account", ValueKind.Duration },
        { "retention.safety_flagged", ValueKind.Duration },
        { "retention.opted_out", ValueKind.Duration },
        { "retention.opted_in", ValueKind.Duration },
        { "retention.active", ValueKind.Duration },
        { "retention.zero_retention_available", ValueKind.YesNo },
        { "security.encryption_at_rest", ValueKind.Text },
        { "security.encryption_in_transit", ValueKind.Text },
        { "security.employee_access_restricted", ValueKind.YesNo },
        { "sharing.sale", ValueKind.YesNo },
        { "sharing.advertising", ValueKind.YesNo },
        { "sharing.third_party_training", ValueKind.YesNo },
        { "rights.deletion", ValueKind.YesNo },
        { "rights.export", ValueKind.YesNo },
    };

    [Theory]
    [MemberData(nameof(ContractTopics))]
    public void Default_ContractTopic_IsInTheCatalogWithItsValueKind(string key, ValueKind kind)
    {
        var topic = Assert.Single(TopicCatalog.Default.Topics, t => t.Key == key);

        Assert.Equal(kind, topic.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(topic.Question));
    }

    [Fact]
    public void Load_CatalogWithANewTopic_ExtractsItWithoutACodeChange()
    {
        const string json = """
            {
              "negation": "\\bnot\\b",
              "organisations": [ { "subject": "acme", "names": [ "Acme" ] } ],
              "genericActors": [],
              "scopes": { "default": "consumer", "rules": [] },
              "topics": [
                {
                  "key": "sharing.law_enforcement", "kind": "yesno", "question": "Is data shared with police on request?",
                  "keywords": [ "police", "law enforcement" ],
                  "match": [ "\\bpolice\\b|\\blaw enforcement\\b", "\\bshare" ],
                  "values": [ { "value": "no", "negated": true }, { "value": "yes" } ]
                }
              ]
            }
            """;
        var catalog = TopicCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var document = new DocumentBuilder().Paragraph("Acme does not share chats with law enforcement.").Build("Acme");

        var claim = Assert.Single(new ClaimExtractor(catalog).Extract(document));

        Assert.Equal(("acme", "sharing.law_enforcement", "no"), (claim.Subject, claim.Topic, claim.Value));
    }

    [Fact]
    public void Extract_CatalogWithoutKeywords_TriesEveryTopic()
    {
        const string json = """
            { "negation": "\\bnot\\b", "organisations": [], "genericActors": [], "scopes": { "default": "all", "rules": [] },
              "topics": [ { "key": "sharing.sale", "kind": "yesno", "question": "?", "match": [ "\\bsell\\b" ],
                            "values": [ { "value": "no", "negated": true }, { "value": "yes" } ] } ] }
            """;
        var catalog = TopicCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var document = new DocumentBuilder().Paragraph("We do not sell your data.").Build("Acme Privacy Policy");

        var claim = Assert.Single(new ClaimExtractor(catalog).Extract(document));

        Assert.Equal(("sharing.sale", "no", "all"), (claim.Topic, claim.Value, claim.Scope));
    }

    [Fact]
    public void Load_BadPattern_FailsNamingTheTopic()
    {
        const string json = """
            { "negation": "not", "organisations": [], "genericActors": [], "scopes": { "default": "all", "rules": [] },
              "topics": [ { "key": "broken.topic", "kind": "yesno", "question": "?", "match": [ "(unclosed" ] } ] }
            """;

        var error = Assert.Throws<InvalidDataException>(() => TopicCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("broken.topic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownValueKind_FailsNamingTheTopic()
    {
        const string json = """
            { "negation": "not", "organisations": [], "genericActors": [], "scopes": { "default": "all", "rules": [] },
              "topics": [ { "key": "odd.topic", "kind": "colour", "question": "?", "match": [ "x" ] } ] }
            """;

        var error = Assert.Throws<InvalidDataException>(() => TopicCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("odd.topic", error.Message, StringComparison.Ordinal);
    }

    // The keyword prefilter only skips work: every labelled document gives the same claims with and without it.
    // A keyword list that misses a word one of its topic's patterns needs shows up here as a difference.
    [Fact]
    public void Extract_WithAndWithoutPrefilter_GivesTheSameClaims()
    {
        var folders = LabelledFolders
            .Select(f => Path.Combine(AppContext.BaseDirectory, f))
            .ToList();
        var files = folders.SelectMany(Directory.EnumerateFiles).Where(f => SourceReader.FormatFor(f) is not null).ToList();
        var filtered = new ClaimExtractor(TopicCatalog.Default, usePrefilter: true);
        var unfiltered = new ClaimExtractor(TopicCatalog.Default, usePrefilter: false);

        Assert.True(files.Count >= 20, $"expected the seeds and gold documents beside the tests, found {files.Count}");
        foreach (var file in files)
        {
            var document = SourceReader.Read(file, File.ReadAllBytes(file));
            Assert.Equal(unfiltered.Extract(document), filtered.Extract(document));
        }
    }

    [Fact]
    public void Extract_DocumentThatTripsTheCompiledEngine_IsReadAgainByTheInterpreter()
    {
        // Arrange: a catalog whose value pattern trips the compiled engine on the document's sentence.
        var json = $$"""
            { "negation": "\\bnot\\b", "organisations": [ { "subject": "acme", "names": [ "Acme" ] } ], "genericActors": [],
              "scopes": { "default": "consumer", "rules": [] },
              "topics": [ { "key": "training.default", "kind": "stance", "question": "?", "match": [ "\\bimprove\\b" ],
                            "values": [ { "value": "opt-out", "patterns": [ {{JsonSerializer.Serialize(CompiledEngineFault)}} ] }, { "value": "opt-in" } ] } ] }
            """;
        var catalog = TopicCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var document = new DocumentBuilder().Paragraph(FaultSentence).Build("Acme");
        Assert.Throws<IndexOutOfRangeException>(() => new Regex(CompiledEngineFault, RegexOptions.IgnoreCase | RegexOptions.Compiled).IsMatch(FaultSentence));

        // Act
        var claims = new ClaimExtractor(catalog).Extract(document);

        // Assert: the interpreter read the sentence and its pattern's value.
        var claim = Assert.Single(claims);
        Assert.Equal(("acme", "training.default", "opt-out"), (claim.Subject, claim.Topic, claim.Value));
    }

    [Fact]
    public void Extract_DocumentOnWhichTheCompiledEngineLoops_IsReadAgainByTheInterpreter()
    {
        // Arrange: a catalog whose trigger loops in the compiled engine on the document's sentence, until its timeout.
        var json = $$"""
            { "negation": "\\bnot\\b", "organisations": [ { "subject": "acme", "names": [ "Acme" ] } ], "genericActors": [],
              "scopes": { "default": "consumer", "rules": [] },
              "topics": [ { "key": "training.user_control", "kind": "yesno", "question": "?", "match": [ {{JsonSerializer.Serialize(CompiledEngineLoop)}} ],
                            "values": [ { "value": "yes" } ] } ] }
            """;
        var catalog = TopicCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var document = new DocumentBuilder().Paragraph(LoopSentence).Build("Acme");
        Assert.Throws<RegexMatchTimeoutException>(
            () => new Regex(CompiledEngineLoop, RegexOptions.IgnoreCase | RegexOptions.Compiled, TimeSpan.FromSeconds(1)).IsMatch(LoopSentence));

        // Act
        var claims = new ClaimExtractor(catalog).Extract(document);

        // Assert: the interpreter read the sentence, where "you can opt out" is the control.
        var claim = Assert.Single(claims);
        Assert.Equal(("training.user_control", "yes"), (claim.Topic, claim.Value));
    }

    [Fact]
    public void Default_EveryPattern_RunsCompiledOnEveryLabelledParagraph()
    {
        // The compiled engine's fault above depends on the input; each catalog pattern is run over every paragraph of
        // the labelled documents so that a pattern which trips it is found here and rewritten, not met in a user's file.
        var paragraphs = LabelledFolders
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, f)))
            .Where(f => SourceReader.FormatFor(f) is not null)
            .SelectMany(f => File.ReadAllText(f).Split("\n\n"))
            .ToList();
        var failures = new List<string>();

        foreach (var pattern in TopicCatalog.Default.AllPatterns())
        {
            // \G anchors where the extractor starts a statement; unanchored, the pattern is tried at every position.
            // A fault may also be a loop that never ends ("You also may not use the" once looped in a pattern with an
            // optional group of alternatives before a lazy loop of words): the timeout reports it, far above any real match.
            var anywhere = new Regex(pattern.ToString().Replace(@"\G", "", StringComparison.Ordinal), pattern.Options, TimeSpan.FromSeconds(10));
            var failing = paragraphs.FirstOrDefault(p => Throws(anywhere, p));
            if (failing is not null)
            {
                failures.Add($"{pattern} on \"{failing[..Math.Min(80, failing.Length)]}\"");
            }
        }

        Assert.True(paragraphs.Count > 1000, $"only {paragraphs.Count} paragraphs were read");
        Assert.Empty(failures);
    }

    private static bool Throws(Regex pattern, string text)
    {
        try
        {
            foreach (var unused in pattern.EnumerateMatches(text))
            {
            }

            return false;
        }
        catch (Exception e) when (e is IndexOutOfRangeException or RegexMatchTimeoutException)
        {
            return true;
        }
    }
}
