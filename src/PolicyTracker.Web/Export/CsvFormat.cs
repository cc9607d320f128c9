using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PolicyTracker.Web.Export;

/// <summary>
/// The conventions every CSV the app writes shares, kept in one configuration of the CSV writer: RFC 4180 (a header
/// row, CRLF line ends, a field holding a comma, quote, CR or LF quoted with its quotes doubled), UTF-8 with a byte
/// order mark, and formula injection neutralised.
/// </summary>
public static class CsvFormat
{
    /// <summary>
    /// A field a spreadsheet would run as a formula (starting with = + - @, a tab or a CR) gets a leading apostrophe,
    /// which spreadsheets show as text and hide: a quote such as "=HYPERLINK(...)" from an untrusted source must never
    /// run on an analyst's machine. The apostrophe is the one change to the text; the JSON export keeps every quote
    /// exactly as written.
    /// </summary>
    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.Escape,
        InjectionEscapeCharacter = '\'',
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],

        // Quoted only when RFC 4180 needs it; with a fixed line end the writer would otherwise leave a bare LF unquoted.
        ShouldQuote = args => args.Field.AsSpan().IndexOfAny(",\"\r\n") >= 0,
    };

    /// <summary>
    /// Starts a CSV on <paramref name="output"/>: a byte order mark, because spreadsheet programs (Excel above all)
    /// take a CSV without one for the local ANSI code page and garble every quote with curly quotes, dashes or
    /// accents; with it they read UTF-8. Then the header row.
    /// </summary>
    public static async Task<CsvWriter> StartAsync(TextWriter output, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(columns);
        await output.WriteAsync('\uFEFF');
        var csv = new CsvWriter(output, Configuration, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        return csv;
    }

    /// <summary>A yes or no as the CSVs write it.</summary>
    public static string Bool(bool value) => value ? "true" : "false";
}
