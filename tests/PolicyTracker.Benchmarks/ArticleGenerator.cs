using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PolicyTracker.Benchmarks;

/// <summary>One generated file, named and encoded as it would be ingested.</summary>
internal sealed record GeneratedDocument(string FileName, byte[] Bytes);

/// <summary>
/// Writes article-sized documents (about 20 KB) that read like the ones PolicyTracker ingests, by recombining real
/// phrasings: every claim sentence of the hand-labelled gold files (tests/gold), with its organisation swapped for
/// another of the catalog's organisations (src/PolicyTracker.Core/Catalog/topics.json), its durations changed, its
/// stance sometimes reversed and a plan named for its scope, mixed with neutral sentences that make no claim, under
/// headings. Markdown, HTML and plain text in the proportions 70/15/15. The same seed gives the same documents.
/// </summary>
internal sealed partial class ArticleGenerator
{
    private static readonly string[] Plans =
    [
        "For Team and Enterprise plans", "On the free plan", "For Pro and Max subscribers", "For API customers",
        "For consumer accounts", "For all users", "For government customers", "For business customers",
    ];

    private static readonly Dictionary<string, int[]> Durations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["days"] = [7, 14, 30, 60, 90, 180], ["months"] = [1, 3, 6, 12, 18, 24], ["years"] = [1, 2, 3, 5, 7],
    };

    private static readonly string[] Fillers =
    [
        "We read the policy twice and compared it with the version from last spring.",
        "The company did not answer our questions before publication.",
        "Privacy researchers have asked for clearer wording for years.",
        "Several readers wrote in after our last piece on this subject.",
        "The help centre splits the same information across four pages.",
        "Regulators in Europe have opened inquiries into similar practices.",
        "It is worth reading the footnotes, which is where the details live.",
        "The settings page looks different on the phone app and on the web.",
        "Our test account was created in the United Kingdom.",
        "The changes arrived with little notice in an email to subscribers.",
        "A spokesperson pointed us to a blog post from the summer.",
        "Other assistants on the market take a range of approaches.",
        "The wording is careful, and the careful wording matters.",
        "Lawyers we spoke to disagreed on how a court would read the clause.",
        "None of this is unusual for a fast-moving industry.",
        "The timeline below summarises what changed and when.",
        "What follows is our reading of the documents as published.",
        "We will update this article if the terms change again.",
        "Some of the links in the policy point to pages that no longer exist.",
        "Screenshots of each step are in the gallery at the end.",
        "The interface labels have been renamed twice this year.",
        "Many people never open the settings at all.",
        "The comparison table is accurate as of the date at the top.",
        "Critics say the defaults matter more than the options.",
        "The documents run to more than forty pages in total.",
        "We asked three other providers the same questions.",
        "The answer depends on which product and which country you are in.",
        "Journalists have tracked these policies since the first chatbots launched.",
    ];

    private readonly Random random;
    private readonly (string Subject, string[] Names)[] organisations;
    private readonly string[] phrasings;
    private readonly Regex anyName;
    private readonly Dictionary<string, string> subjectOfName;

    public ArticleGenerator(string repositoryRoot, int seed)
    {
        random = new Random(seed);
        using (var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "src", "PolicyTracker.Core", "Catalog", "topics.json"))))
        {
            organisations = [.. catalog.RootElement.GetProperty("organisations").EnumerateArray()
                .Select(o => (o.GetProperty("subject").GetString()!, o.GetProperty("names").EnumerateArray().Select(n => n.GetString()!).ToArray()))];
        }

        var quotes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(repositoryRoot, "tests", "gold"), "*.gold.json"))
        {
            using var gold = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var claim in gold.RootElement.GetProperty("documents").EnumerateArray().SelectMany(d => d.GetProperty("claims").EnumerateArray()))
            {
                // Whole sentences only: a quote that is a table row or list fragment reads oddly out of its place.
                var quote = claim.GetProperty("quote").GetString()!.Trim();
                if (quote.Length is > 40 and < 400 && !quote.Contains('|', StringComparison.Ordinal) && !quote.Contains('\n', StringComparison.Ordinal)
                    && char.IsUpper(quote[0]) && quote[^1] is '.' or '!')
                {
                    quotes.Add(quote);
                }
            }
        }

        phrasings = [.. quotes];
        subjectOfName = organisations.SelectMany(o => o.Names.Select(n => (n, o.Subject)))
            .ToDictionary(x => x.n, x => x.Subject, StringComparer.OrdinalIgnoreCase);
        anyName = new Regex(
            @"\b(?:" + string.Join('|', subjectOfName.Keys.OrderByDescending(n => n.Length).Select(Regex.Escape)) + @")\b",
            RegexOptions.CultureInvariant);
    }

    public int PhrasingCount => phrasings.Length;

    public GeneratedDocument Next(int index, int targetBytes = 20_000)
    {
        var (subject, names) = organisations[random.Next(organisations.Length)];
        var name = names[0];
        var title = string.Create(CultureInfo.InvariantCulture, $"What {name} does with your chats, reviewed ({index})");
        var sections = new List<(string Heading, List<string> Paragraphs)>();
        var size = title.Length;
        var target = targetBytes * (80 + random.Next(41)) / 100;
        while (size < target)
        {
            var heading = Headings[random.Next(Headings.Length)].Replace("{name}", name, StringComparison.Ordinal);
            var paragraphs = new List<string>();
            for (var p = 2 + random.Next(3); p > 0 && size < target; p--)
            {
                var sentences = new List<string>();
                for (var s = 3 + random.Next(4); s > 0; s--)
                {
                    sentences.Add(random.Next(100) < 9 ? Phrasing(name) : Fillers[random.Next(Fillers.Length)]);
                }

                var paragraph = string.Join(' ', sentences);
                paragraphs.Add(paragraph);
                size += paragraph.Length + 2;
            }

            sections.Add((heading, paragraphs));
            size += heading.Length;
        }

        var roll = random.Next(100);
        var stem = string.Create(CultureInfo.InvariantCulture, $"article-{index:D6}-{subject}");
        return roll switch
        {
            < 70 => new(stem + ".md", Encoding.UTF8.GetBytes(Markdown(title, sections))),
            < 85 => new(stem + ".html", Encoding.UTF8.GetBytes(Html(title, sections))),
            _ => new(stem + ".txt", Encoding.UTF8.GetBytes(PlainText(title, sections))),
        };
    }

    /// <summary>
    /// One plain-text document of at most <paramref name="maxBytes"/> UTF-8 bytes in which every sentence is a varied
    /// gold phrasing, four to a paragraph under a heading every ten paragraphs: the most claims a file of that size
    /// can hold, which is the worst case for storing them.
    /// </summary>
    public byte[] ClaimDense(long maxBytes)
    {
        var (_, names) = organisations[random.Next(organisations.Length)];
        var text = new StringBuilder($"What {names[0]} does with your chats: every statement\n\n");
        var bytes = (long)Encoding.UTF8.GetByteCount(text.ToString());
        for (var paragraph = 0; ; paragraph++)
        {
            var next = new StringBuilder();
            if (paragraph % 10 == 0)
            {
                next.Append(Headings[random.Next(Headings.Length)].Replace("{name}", names[0], StringComparison.Ordinal)).Append("\n\n");
            }

            var name = organisations[random.Next(organisations.Length)].Names[0];
            next.AppendJoin(' ', Enumerable.Range(0, 4).Select(_ => Phrasing(name))).Append("\n\n");
            var nextBytes = Encoding.UTF8.GetByteCount(next.ToString());
            if (bytes + nextBytes > maxBytes)
            {
                return Encoding.UTF8.GetBytes(text.ToString());
            }

            text.Append(next);
            bytes += nextBytes;
        }
    }

    private static readonly string[] Headings =
    [
        "How {name} trains its models", "What happens when you delete a chat", "Your choices, and where to find them",
        "Business plans are different", "Who else sees your data", "How long {name} keeps things",
        "The fine print", "What changed this year", "Security and encryption", "Exporting and deleting your data",
    ];

    /// <summary>A gold sentence about the document's organisation, with one of its details varied.</summary>
    private string Phrasing(string name)
    {
        var text = phrasings[random.Next(phrasings.Length)];
        text = anyName.Replace(text, _ => name);
        text = DurationPattern().Replace(text, m =>
        {
            var choices = Durations[m.Groups["unit"].Value];
            return string.Create(CultureInfo.InvariantCulture, $"{choices[random.Next(choices.Length)]} {m.Groups["unit"].Value}");
        });
        if (random.Next(100) < 25)
        {
            text = OptPattern().Replace(text, m => m.Value.EndsWith("in", StringComparison.OrdinalIgnoreCase) ? m.Value[..^2] + "out" : m.Value[..^3] + "in");
        }

        return random.Next(100) < 30 ? $"{Plans[random.Next(Plans.Length)]}: {text}" : text;
    }

    private static string Markdown(string title, List<(string Heading, List<string> Paragraphs)> sections)
    {
        var text = new StringBuilder().Append("# ").Append(title).Append("\n\n");
        foreach (var (heading, paragraphs) in sections)
        {
            text.Append("## ").Append(heading).Append("\n\n");
            foreach (var paragraph in paragraphs)
            {
                text.Append(paragraph).Append("\n\n");
            }
        }

        return text.ToString();
    }

    private static string Html(string title, List<(string Heading, List<string> Paragraphs)> sections)
    {
        var text = new StringBuilder().Append("<!doctype html>\n<html><head><title>").Append(Encode(title)).Append("</title></head><body>\n<article>\n<h1>")
            .Append(Encode(title)).Append("</h1>\n");
        foreach (var (heading, paragraphs) in sections)
        {
            text.Append("<h2>").Append(Encode(heading)).Append("</h2>\n");
            foreach (var paragraph in paragraphs)
            {
                text.Append("<p>").Append(Encode(paragraph)).Append("</p>\n");
            }
        }

        return text.Append("</article>\n</body></html>\n").ToString();
    }

    private static string PlainText(string title, List<(string Heading, List<string> Paragraphs)> sections)
    {
        var text = new StringBuilder().Append(title).Append("\n\n");
        foreach (var (heading, paragraphs) in sections)
        {
            text.Append(heading).Append("\n\n");
            foreach (var paragraph in paragraphs)
            {
                text.Append(paragraph).Append("\n\n");
            }
        }

        return text.ToString();
    }

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"\b\d+ (?<unit>days|months|years)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\bopt(?:ed)?[- ](?:in|out)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OptPattern();
}
