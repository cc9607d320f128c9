using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Xml;

namespace PolicyTracker.Web.Versions;

/// <summary>
/// Writes changes as an Atom 1.0 feed (RFC 4287). Entry ids are built from what the change is (source, the newer
/// version's date, subject, topic and scope) rather than from row ids, because a source's change rows are rebuilt
/// whenever a version of it arrives: a reader must not see the same change again as a new entry.
/// </summary>
public static class ChangeFeed
{
    public const string ContentType = "application/atom+xml";

    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The feed document; <paramref name="site"/> is the app's absolute base address, without a trailing slash.</summary>
    public static string Write(FeedInfo feed, IReadOnlyList<ChangeRow> changes, string site, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(changes);
        var output = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 };
        using (var writer = new Utf8StringWriter(output))
        using (var xml = XmlWriter.Create(writer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, feed.Id);
            xml.WriteElementString("title", Atom, feed.Title);
            xml.WriteElementString("subtitle", Atom, "Typed changes between versions of the sources' claims, newest first.");

            // An empty feed still needs a date; the newest change's date otherwise, so polling readers see no churn.
            xml.WriteElementString("updated", Atom, Timestamp(changes.Count > 0 ? changes.Max(c => c.ToObserved) : now));
            Link(xml, "self", ContentType, site + feed.Path);
            Link(xml, "alternate", "text/html", site + feed.AlternatePath);
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "PolicyTracker");
            xml.WriteEndElement();

            foreach (var change in changes)
            {
                Entry(xml, change, site);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return output.ToString();
    }

    /// <summary>The entry's id: stable for as long as the change is what the source's versions show.</summary>
    public static string EntryId(ChangeRow change)
    {
        ArgumentNullException.ThrowIfNull(change);
        string Part(string value) => Uri.EscapeDataString(value);
        var observed = change.ToObserved.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return $"urn:policytracker:change:{change.SourceId}:{observed}:{Part(change.Subject)}:{Part(change.Topic)}:{Part(change.Scope)}";
    }

    private static void Entry(XmlWriter xml, ChangeRow change, string site)
    {
        xml.WriteStartElement("entry", Atom);
        xml.WriteElementString("id", Atom, EntryId(change));
        xml.WriteElementString("title", Atom, XmlText(change.Title));
        xml.WriteElementString("updated", Atom, Timestamp(change.ToObserved));
        if (change.DiffUrl is { } diff)
        {
            Link(xml, "alternate", "text/html", site + diff);
        }

        xml.WriteStartElement("category", Atom);
        xml.WriteAttributeString("term", change.Topic);
        xml.WriteEndElement();

        var what = $"{change.SourceName}, scope {change.Scope}: {ChangeWords.Kind(change.Kind)} in version {change.ToVersion}.";
        xml.WriteStartElement("summary", Atom);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(XmlText($"{what} Before: {Quoted(change.FromQuote)} After: {Quoted(change.ToQuote)}"));
        xml.WriteEndElement();

        // The quotes are untrusted text: HTML-encoded into the HTML, which the writer then escapes as XML text.
        var html = HtmlEncoder.Default;
        xml.WriteStartElement("content", Atom);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(XmlText(
            $"<p>{html.Encode(what)}</p>"
            + $"<p>Before: {(change.FromQuote is null ? "none" : $"<del>{html.Encode(change.FromQuote)}</del>")}</p>"
            + $"<p>After: {(change.ToQuote is null ? "none" : $"<ins>{html.Encode(change.ToQuote)}</ins>")}</p>"));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static string Quoted(string? quote) => quote is null ? "none." : $"“{quote}”";

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Source text may hold characters XML 1.0 cannot carry at all (most control characters, lone surrogates); the
    // writer would refuse the whole feed for one of them, so they are left out.
    private static string XmlText(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i, 2);
                i++;
            }
        }

        return kept.ToString();
    }

    // A StringWriter says UTF-16 in the XML declaration; the feed is sent as UTF-8.
    private sealed class Utf8StringWriter(StringBuilder output) : StringWriter(output, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}

/// <summary>What names a feed: its id, title, where it is and the page it mirrors.</summary>
public sealed record FeedInfo(string Id, string Title, string Path, string AlternatePath)
{
    public static FeedInfo All { get; } = new("urn:policytracker:changes", "PolicyTracker: changes", "/feeds/changes.atom", "/Changes");

    public static FeedInfo For(string subject) => new(
        $"urn:policytracker:changes:{Uri.EscapeDataString(subject)}",
        $"PolicyTracker: changes about {subject}",
        $"/feeds/changes/{Uri.EscapeDataString(subject)}.atom",
        $"/Changes?subject={Uri.EscapeDataString(subject)}");
}
