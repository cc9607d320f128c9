using System.Globalization;
using System.Text.RegularExpressions;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction.Values;

/// <summary>A calendar date found in text, as <c>YYYY-MM-DD</c>, or <c>YYYY-MM</c> when no day is given.</summary>
internal readonly record struct FoundDate(string Value, TextSpan Span);

/// <summary>
/// Finds dates in the common written forms: "October 29, 2025", "Oct. 29 2025", "29 October 2025",
/// "2025-10-29", "10/29/2025" (month first) and "October 2025".
/// </summary>
internal static class DateParser
{
    private const string Month =
        @"(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    private static readonly Regex[] Patterns =
    [
        Compile($@"\b{Month}\s+(?<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?<year>(?:19|20)\d{{2}})\b"),
        Compile($@"\b(?<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{Month}\s*,?\s+(?<year>(?:19|20)\d{{2}})\b"),
        Compile(@"\b(?<year>(?:19|20)\d{2})-(?<monthNumber>\d{1,2})-(?<day>\d{1,2})\b"),
        Compile(@"\b(?<monthNumber>\d{1,2})/(?<day>\d{1,2})/(?<year>(?:19|20)\d{2})\b"),
        Compile($@"\b{Month}\s+(?:of\s+)?(?<year>(?:19|20)\d{{2}})\b"),
    ];

    /// <summary>Every date in <paramref name="text"/>, earliest first, with spans relative to it.</summary>
    public static IEnumerable<FoundDate> FindAll(string text)
    {
        var found = new List<FoundDate>();
        foreach (var pattern in Patterns)
        {
            foreach (Match match in pattern.Matches(text))
            {
                var span = new TextSpan(match.Index, match.Index + match.Length);
                if (found.Any(f => f.Span.Overlaps(span)) || ToIso(match) is not { } value)
                {
                    continue;
                }

                found.Add(new FoundDate(value, span));
            }
        }

        return found.OrderBy(f => f.Span.Start);
    }

    private static string? ToIso(Match match)
    {
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = match.Groups["month"].Success
            ? MonthNumber(match.Groups["month"].Value)
            : int.Parse(match.Groups["monthNumber"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return null;
        }

        if (!match.Groups["day"].Success)
        {
            return $"{year:D4}-{month:D2}";
        }

        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? $"{year:D4}-{month:D2}-{day:D2}" : null;
    }

    private static int MonthNumber(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
    };

    private static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
