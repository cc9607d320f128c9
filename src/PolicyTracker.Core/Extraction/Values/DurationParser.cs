using System.Globalization;
using System.Text.RegularExpressions;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction.Values;

/// <summary>A duration found in text, normalised to whole days.</summary>
internal readonly record struct Duration(int Days, TextSpan Span)
{
    /// <summary>The ISO-8601 form CLAIMS.md asks for: <c>P30D</c>.</summary>
    public string Iso => $"P{Days.ToString(CultureInfo.InvariantCulture)}D";
}

/// <summary>
/// Finds durations such as "30 days", "five years", "thirty (30) days", "1 year maximum", "18 months" or
/// "72 hours" and converts them to days (a year is 365 days, a month 30, a week 7; hours round up to days).
/// In a range ("30 to 90 days") the upper bound counts, since that is how long data may be kept.
/// </summary>
internal static class DurationParser
{
    private static readonly Regex DurationPattern = new(
        $@"(?<![\w.])(?<number>{NumberWords.Pattern})(?:\s*\((?<digits>\d{{1,4}})\))?(?:\s*(?:-|–|to|or)\s*(?<upper>{NumberWords.Pattern}))?[\s-]*(?:calendar\s+|business\s+|full\s+)?(?<unit>years?|yrs?|months?|weeks?|days?|hours?|hrs?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Every duration in <paramref name="text"/>, with spans relative to it.</summary>
    public static IEnumerable<Duration> FindAll(string text)
    {
        foreach (Match match in DurationPattern.Matches(text))
        {
            var number = match.Groups["upper"].Success
                ? NumberWords.Parse(match.Groups["upper"].Value)
                : match.Groups["digits"].Success
                    ? NumberWords.Parse(match.Groups["digits"].Value)
                    : NumberWords.Parse(match.Groups["number"].Value);
            if (number is null)
            {
                continue;
            }

            var days = match.Groups["unit"].Value.ToLowerInvariant() switch
            {
                var u when u.StartsWith('y') => number.Value * 365,
                var u when u.StartsWith('m') => number.Value * 30,
                var u when u.StartsWith('w') => number.Value * 7,
                var u when u.StartsWith('h') => Math.Ceiling(number.Value / 24),
                _ => number.Value,
            };

            yield return new Duration((int)Math.Round(days), new TextSpan(match.Index, match.Index + match.Length));
        }
    }
}
