namespace PolicyTracker.Core.Extraction.Values;

/// <summary>Reads whole numbers written in digits or English words ("thirty", "twenty-four", "a").</summary>
internal static class NumberWords
{
    /// <summary>A regular expression fragment matching one number as digits or words.</summary>
    public const string Pattern =
        @"(?:\d{1,4}(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|hundred|an?|a single|several)";

    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["a"] = 1, ["an"] = 1, ["a single"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4,
        ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11,
        ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["hundred"] = 100, ["a hundred"] = 100,
        ["one hundred"] = 100,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>The value of a number matched by <see cref="Pattern"/>, or null ("several" has none).</summary>
    public static double? Parse(string token)
    {
        token = token.Trim();
        if (double.TryParse(token, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (Units.TryGetValue(token, out var unit))
        {
            return unit;
        }

        var parts = token.Split('-', ' ');
        if (Tens.TryGetValue(parts[0], out var tens))
        {
            return parts.Length > 1 && Units.TryGetValue(parts[1], out var ones) ? tens + ones : tens;
        }

        return null;
    }
}
