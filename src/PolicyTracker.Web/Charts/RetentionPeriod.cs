using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyTracker.Web.Charts;

/// <summary>
/// Reads a retention value as a length of time. Durations are ISO 8601 (<c>P30D</c>, <c>PT72H</c>, <c>P1Y6M</c>), with
/// a year of 365 days and a month of 30 as the claim contract counts them; anything else (<c>account-lifetime</c>,
/// <c>indefinite</c>) is not a period and is shown by its word.
/// </summary>
public static partial class RetentionPeriod
{
    public const double HoursPerDay = 24;

    /// <summary>The length of <paramref name="value"/> in hours, or false when it is not an ISO 8601 duration.</summary>
    public static bool TryHours(string value, out double hours)
    {
        hours = 0;
        var match = IsoDuration().Match(value ?? "");
        if (!match.Success || match.Groups.Values.Skip(1).All(g => !g.Success))
        {
            return false;
        }

        double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var days = Part("y") * 365 + Part("mo") * 30 + Part("w") * 7 + Part("d");
        hours = days * HoursPerDay + Part("h") + Part("mi") / 60 + Part("s") / 3600;
        return true;
    }

    /// <summary>A period in words an analyst reads at a glance: "72 hours", "30 days", "5 years".</summary>
    public static string Words(double hours)
    {
        if (hours < 72)
        {
            return Count(hours, "hour");
        }

        var days = hours / HoursPerDay;
        return days >= 365 && days % 365 == 0 ? Count(days / 365, "year") : Count(days, "day");
    }

    private static string Count(double n, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:0.#} {unit}{(n == 1 ? "" : "s")}");

    [GeneratedRegex(@"^P(?:(?<y>\d+(?:\.\d+)?)Y)?(?:(?<mo>\d+(?:\.\d+)?)M)?(?:(?<w>\d+(?:\.\d+)?)W)?(?:(?<d>\d+(?:\.\d+)?)D)?(?:T(?:(?<h>\d+(?:\.\d+)?)H)?(?:(?<mi>\d+(?:\.\d+)?)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDuration();
}
