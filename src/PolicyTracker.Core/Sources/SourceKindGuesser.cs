using System.Text.RegularExpressions;

namespace PolicyTracker.Core.Sources;

/// <summary>Guesses whether a source is the provider's own policy, a guide or an article.</summary>
/// <remarks>
/// Two cues, both easy to explain to an editor who corrects the guess. A source is an official
/// policy when its title, opening lines or file name name a policy document ("Privacy Policy",
/// "Terms of Service", ...) and it speaks as the provider: "we" and "our" to "you". The voice
/// matters because articles about a policy name it in their title too, and some blog posts write
/// "we" without naming a policy. A help centre names itself in every page title and mostly
/// speaks to "you", so its name alone is enough. A source is a guide when its opening names a
/// how-to, a step-by-step or an operating procedure, or when it has at least two "Step N" lines.
/// Everything else is an article.
/// </remarks>
public static partial class SourceKindGuesser
{
    private const int OpeningBlocks = 3;
    private const int MinStepLines = 2;

    // "We"-words per hundred words above which a text speaks as the organisation that wrote it.
    private const double ProviderVoicePercent = 1.5;

    /// <summary>The most likely kind of <paramref name="document"/>.</summary>
    public static SourceKind Guess(string fileName, ExtractedDocument document)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(document);

        var opening = Opening(fileName, document);
        if (HelpCentre().IsMatch(opening) || (PolicyName().IsMatch(opening) && SpeaksAsProvider(document.Text)))
        {
            return SourceKind.OfficialPolicy;
        }

        var stepLines = document.Blocks.Count(b => StepLine().IsMatch(b.Span.Slice(document.Text)));
        return GuideName().IsMatch(opening) || stepLines >= MinStepLines
            ? SourceKind.Guide
            : SourceKind.Article;
    }

    /// <summary>The title, the first few blocks and the file name (its separators read as spaces).</summary>
    private static string Opening(string fileName, ExtractedDocument document)
    {
        var name = Path.GetFileNameWithoutExtension(fileName).Replace('-', ' ').Replace('_', ' ');
        var firstBlocks = document.Blocks.Take(OpeningBlocks).Select(b => b.Span.Slice(document.Text));
        return string.Join('\n', [document.Title ?? string.Empty, .. firstBlocks, name]);
    }

    private static bool SpeaksAsProvider(string text)
    {
        var words = 0;
        var we = 0;
        var you = 0;
        foreach (var match in Word().EnumerateMatches(text))
        {
            words++;
            var word = text.AsSpan(match.Index, match.Length);

            // "US" in capitals is the country, which policies name often.
            if (!word.SequenceEqual("US") && IsAny(word, "we", "our", "ours", "us", "we're", "we’re", "we've", "we’ve", "we'll", "we’ll"))
            {
                we++;
            }
            else if (IsAny(word, "you", "your", "yours", "you're", "you’re"))
            {
                you++;
            }
        }

        return you > 0 && words > 0 && we * 100.0 / words >= ProviderVoicePercent;
    }

    private static bool IsAny(ReadOnlySpan<char> word, params ReadOnlySpan<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b(privacy (policy|notice|statement)|terms (of (use|service)|and conditions)|data processing (addendum|agreement)|cookie (policy|notice)|(acceptable|usage) policy)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PolicyName();

    [GeneratedRegex(@"\bhelp cent(er|re)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HelpCentre();

    [GeneratedRegex(@"\b(how to|how do i|step[- ]by[- ]step|standard operating procedure|sop|tutorial|walkthrough)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GuideName();

    [GeneratedRegex(@"^step \d+\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StepLine();

    [GeneratedRegex(@"[\p{L}\p{N}]+(['’][\p{L}]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
