using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyTracker.Web.Watching;

/// <summary>How often a watched source is fetched, written as a number and a unit: <c>30m</c>, <c>12h</c>, <c>1d</c>, <c>2w</c>.</summary>
public static partial class WatchInterval
{
    public const string DefaultText = "1d";

    public static readonly TimeSpan Default = TimeSpan.FromDays(1);

    /// <summary>No site is asked more often than this, whatever is configured.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan Maximum = TimeSpan.FromDays(365);

    /// <summary>The interval written in <paramref name="text"/>, or why it is none.</summary>
    public static (TimeSpan Interval, string? Problem) Parse(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var count))
        {
            return (default, $"'{text}' is not an interval such as 30m, 12h, 1d or 2w");
        }

        var interval = match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(count),
            "h" => TimeSpan.FromHours(count),
            "d" => TimeSpan.FromDays(count),
            _ => TimeSpan.FromDays(7.0 * count),
        };
        return interval < Minimum || interval > Maximum
            ? (default, $"'{text}' is outside {Format(Minimum)} to {Format(Maximum)}")
            : (interval, null);
    }

    /// <summary>The shortest way to write <paramref name="interval"/> in the units <see cref="Parse"/> reads.</summary>
    public static string Format(TimeSpan interval) => interval switch
    {
        { TotalDays: >= 7 } when interval.TotalDays % 7 == 0 => $"{interval.TotalDays / 7:0}w",
        { TotalHours: >= 24 } when interval.TotalHours % 24 == 0 => $"{interval.TotalDays:0}d",
        { TotalMinutes: >= 60 } when interval.TotalMinutes % 60 == 0 => $"{interval.TotalHours:0}h",
        _ => $"{interval.TotalMinutes:0}m",
    };

    [GeneratedRegex(@"^(\d{1,6})([mhdw])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
