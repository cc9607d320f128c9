using PolicyTracker.Web.Pages.Sources;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Pages;

public sealed class QuoteHighlighterTests
{
    private const string Text = "Alpha beta gamma delta.";

    [Fact]
    public void Render_CrossingQuotes_WellFormedAndEveryCharacterInItsMarks()
    {
        // Arrange: [0,10) "Alpha beta" and [6,16) "beta gamma" cross.
        var claims = new[] { Claim(1, 0, 10), Claim(2, 6, 16) };

        // Act
        var html = Render(Text, claims);

        // Assert
        var doc = AnalystApp.Parse($"<div id=t>{html}</div>");
        var first = doc.GetElementById("claim-1")!;
        var second = doc.GetElementById("claim-2")!;
        Assert.Equal("Alpha beta", Visible(first));
        Assert.StartsWith("beta", Visible(second), StringComparison.Ordinal);
        var continuation = Assert.Single(doc.QuerySelectorAll("mark.claim-cont"));
        Assert.Equal("2", continuation.GetAttribute("data-claim"));
        Assert.Equal(" gamma", Visible(continuation));
        Assert.Equal(Text, Visible(doc.GetElementById("t")!));
    }

    [Fact]
    public void Render_SameSpanTwice_BothAnchorsNested()
    {
        // Act
        var doc = AnalystApp.Parse($"<div id=t>{Render(Text, [Claim(1, 0, 5), Claim(2, 0, 5)])}</div>");

        // Assert
        Assert.Same(doc.GetElementById("claim-1"), doc.GetElementById("claim-2")!.ParentElement);
        Assert.Equal(Text, Visible(doc.GetElementById("t")!));
    }

    [Fact]
    public void Render_MarkupInTextAndInValues_Encoded()
    {
        // Arrange
        var text = "<img src=x onerror=alert(1)> is here";
        var claim = new HighlightedClaim(1, 0, 28, "acme", "topic\"><script>", "v<b>", "all");

        // Act
        var html = Render(text, [claim]);

        // Assert
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        var doc = AnalystApp.Parse($"<div id=t>{html}</div>");
        Assert.Equal(text, Visible(doc.GetElementById("t")!));
    }

    [Fact]
    public void Render_SpanOutsideText_Ignored()
    {
        // Act
        var html = Render(Text, [Claim(1, 5, 500), Claim(2, -1, 3)]);

        // Assert
        Assert.Equal(Text, html);
    }

    private static HighlightedClaim Claim(long id, int start, int end) => new(id, start, end, "acme", "training.default", "consumer", "opt-in");

    private static string Render(string text, IEnumerable<HighlightedClaim> claims)
    {
        using var writer = new StringWriter();
        QuoteHighlighter.Render(text, claims).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static string Visible(AngleSharp.Dom.IElement element)
    {
        var copy = (AngleSharp.Dom.IElement)element.Clone();
        foreach (var hidden in copy.QuerySelectorAll(".visually-hidden").ToList())
        {
            hidden.Remove();
        }

        return copy.TextContent;
    }
}
