using System.Globalization;
using System.Text.RegularExpressions;
using PolicyTracker.Core.Extraction.Values;

namespace PolicyTracker.Core.Versions;

/// <summary>
/// Reads the date a document states as its own: "Last updated: March 3, 2025", "Effective date: 1 January 2024",
/// "Last modified 2024-02-03", "Effective as of June 12, 2025", "Updated: 12/17/2024", or "This policy was last
/// updated on …" in a sentence.
/// </summary>
/// <remarks>
/// A date counts only right after such a label, and a label counts only at the start of a line (after any Markdown
/// emphasis or heading marks) or as "was last updated" in a sentence, so a date a sentence merely mentions ("data
/// from January 2020 is retained") is never taken. Written dates are read in every common form; numeric ones only
/// when they cannot be misread: ISO (<c>2024-02-03</c>), or day and month with slashes or dots when one of them is
/// above 12 (<c>12/17/2024</c> is December 17, <c>17.12.2024</c> too). <c>03/04/2025</c> could be March 4 or 3 April,
/// and a month without a day ("March 2025") names no day: both give no date rather than a guessed one. Of several
/// stated dates, "effective" and "last updated" (modified, revised) win over a bare "updated", a label at a line's
/// start over one in a sentence, and then the one nearest the start.
/// </remarks>
public static partial class StatedDateReader
{
    // How far after its label a date may start and run.
    private const int DateReach = 48;

    /// <summary>The date <paramref name="text"/> states as its own, or null when it states none.</summary>
    public static DateOnly? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LineLabel().Matches(text).Select(m => Candidate(text, m, m.Groups["strong"].Success ? 0 : 1))
            .Concat(SentenceLabel().Matches(text).Select(m => Candidate(text, m, 2)))
            .Where(c => c.Date is not null)
            .OrderBy(c => c.Rank)
            .ThenBy(c => c.Offset)
            .Select(c => c.Date)
            .FirstOrDefault();
    }

    private static (DateOnly? Date, int Rank, int Offset) Candidate(string text, Match label, int rank)
    {
        var start = label.Index + label.Length;
        // Markdown emphasis around the date ("_**September 29, 2025**_") would glue it to the marks as one word.
        var window = text.Substring(start, Math.Min(DateReach, text.Length - start)).Replace('*', ' ').Replace('_', ' ');
        return (DateAtStart(window), rank, label.Index);
    }

    private static DateOnly? DateAtStart(string window)
    {
        if (NumericDate().Match(window) is { Success: true } numeric)
        {
            return Unambiguous(numeric);
        }

        var written = DateParser.FindAll(window).FirstOrDefault();
        return written.Value is { Length: 10 } iso && written.Span.Start == 0
            ? DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    private static DateOnly? Unambiguous(Match match)
    {
        var first = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var (month, day) = (first, second) switch
        {
            ( <= 12, > 12) => (first, second),
            ( > 12, <= 12) => (second, first),
            _ when first == second => (first, second),
            _ => (0, 0),
        };

        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    // "Last updated", "Effective date", "Updated" … at a line's start, then "as of", "on" or punctuation.
    [GeneratedRegex(
        @"^[ \t>#*_]*(?:(?<strong>last[ \t]+(?:updated|modified|revised)|effective(?:[ \t]+date)?|date[ \t]+of[ \t]+last[ \t]+revision)|updated|revised|modified)(?:[ \t]+(?:as[ \t]+of|on))?[ \t:*_\-\u2013\u2014]*",
        RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LineLabel();

    // "This policy was last updated on …" inside a sentence.
    [GeneratedRegex(
        @"\b(?:was|were|is)[ \t]+last[ \t]+(?:updated|modified|revised)(?:[ \t]+on)?[ \t:]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentenceLabel();

    [GeneratedRegex(@"^(?<first>\d{1,2})[/.](?<second>\d{1,2})[/.](?<year>(?:19|20)\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();
}
