using System.Net;
using System.Text;

namespace PolicyTracker.Benchmarks;

/// <summary>One input file of a corpus, as the app would receive it.</summary>
internal sealed record CorpusFile(string FileName, byte[] Bytes);

/// <summary>A named set of files and their total size in UTF-8 bytes.</summary>
internal sealed record Corpus(string Name, IReadOnlyList<CorpusFile> Files)
{
    public const double BytesPerMegabyte = 1_000_000;

    public long Bytes { get; } = Files.Sum(f => (long)f.Bytes.Length);

    public double Megabytes => Bytes / BytesPerMegabyte;

    /// <summary>
    /// The seeds, each one document, repeated in turn until the corpus holds at least
    /// <paramref name="targetBytes"/>; <paramref name="render"/> turns a seed into its file.
    /// </summary>
    public static Corpus Repeat(string name, IReadOnlyList<Seed> seeds, long targetBytes, Func<Seed, int, CorpusFile> render)
    {
        var files = new List<CorpusFile>();
        var total = 0L;
        for (var i = 0; total < targetBytes; i++)
        {
            var file = render(seeds[i % seeds.Count], i);
            files.Add(file);
            total += file.Bytes.Length;
        }

        return new Corpus(name, files);
    }

    /// <summary>All the seed text, repeated to at least <paramref name="targetBytes"/>, as one .txt document.</summary>
    public static Corpus Concatenated(IReadOnlyList<Seed> seeds, long targetBytes)
    {
        var text = new StringBuilder();
        var total = 0L;
        for (var i = 0; total < targetBytes; i++)
        {
            var seed = seeds[i % seeds.Count].Text.TrimEnd();
            text.Append(seed).Append("\n\n");
            total += Encoding.UTF8.GetByteCount(seed) + 2;
        }

        return new Corpus("txt, one document", [new CorpusFile("corpus.txt", Encoding.UTF8.GetBytes(text.ToString()))]);
    }

    public static CorpusFile AsText(Seed seed, int index) =>
        new($"{index:D6}.txt", Encoding.UTF8.GetBytes(seed.Text));

    /// <summary>The seed's first line as the title, short unpunctuated lines as headings, every other line a paragraph.</summary>
    public static CorpusFile AsMarkdown(Seed seed, int index)
    {
        var md = new StringBuilder();
        foreach (var (line, role) in Lines(seed.Text))
        {
            md.Append(role switch
            {
                LineRole.Title => "# ",
                LineRole.Heading => "## ",
                _ => string.Empty,
            }).Append(line).Append("\n\n");
        }

        return new CorpusFile($"{index:D6}.md", Encoding.UTF8.GetBytes(md.ToString()));
    }

    /// <summary>The same structure as <see cref="AsMarkdown"/>, as a small HTML page with a head and a body.</summary>
    public static CorpusFile AsHtml(Seed seed, int index)
    {
        var lines = Lines(seed.Text).ToList();
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(lines[0].Line))
            .Append("</title>\n</head>\n<body>\n<article>\n");
        foreach (var (line, role) in lines)
        {
            var tag = role switch
            {
                LineRole.Title => "h1",
                LineRole.Heading => "h2",
                _ => "p",
            };
            html.Append('<').Append(tag).Append('>').Append(WebUtility.HtmlEncode(line)).Append("</").Append(tag).Append(">\n");
        }

        html.Append("</article>\n</body>\n</html>\n");
        return new CorpusFile($"{index:D6}.html", Encoding.UTF8.GetBytes(html.ToString()));
    }

    private static IEnumerable<(string Line, LineRole Role)> Lines(string text)
    {
        var first = true;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var role = first ? LineRole.Title
                : line.Length < 80 && !line.EndsWith('.') && !line.EndsWith(':') && !line.EndsWith('?') && !line.EndsWith('!')
                    ? LineRole.Heading
                    : LineRole.Paragraph;
            first = false;
            yield return (line, role);
        }
    }

    private enum LineRole
    {
        Title,
        Heading,
        Paragraph,
    }
}
