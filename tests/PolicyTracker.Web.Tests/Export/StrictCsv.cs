using System.Text;

namespace PolicyTracker.Web.Tests.Export;

/// <summary>
/// A strict RFC 4180 reader: records end with CRLF, fields are separated by commas, a quoted field doubles its
/// quotes, and an unquoted field may hold no quote, CR or LF. Anything else throws, so a sloppy writer fails here
/// rather than in someone's spreadsheet.
/// </summary>
internal static class StrictCsv
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (text.Length > 0)
        {
            // A comma at the very end still opens one last, empty field.
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("a quoted field is never closed");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] != ',' && text[i] != '\r')
                {
                    if (text[i] is '"' or '\n')
                    {
                        throw new FormatException($"unquoted field holds {(text[i] == '"' ? "a quote" : "a bare LF")} at {i}");
                    }

                    field.Append(text[i++]);
                }
            }

            record.Add(field.ToString());
            field.Clear();
            if (i >= text.Length)
            {
                records.Add(record);
                break;
            }

            if (text[i] == ',')
            {
                i++;
                continue;
            }

            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                records.Add(record);
                record = [];
                i += 2;
                continue;
            }

            throw new FormatException($"expected a comma or CRLF after a field at {i}, found {(int)text[i]}");
        }

        if (records.Count > 0 && records.Any(r => r.Count != records[0].Count))
        {
            throw new FormatException("records have different numbers of fields");
        }

        return records;
    }
}
