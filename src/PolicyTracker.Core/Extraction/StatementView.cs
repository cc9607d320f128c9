using System.Text.RegularExpressions;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// The text a statement is judged on: its context, a line break, then the statement itself. Offsets into
/// <see cref="Text"/> at or after <see cref="OwnStart"/> belong to the statement. The characters are the
/// document's own or a scratch copy, never a string made per statement.
/// </summary>
/// <param name="Statement">The statement viewed.</param>
/// <param name="Characters">Its context, a line break and its own characters.</param>
/// <param name="OwnStart">Where its own characters start.</param>
/// <param name="IsSynthetic">A table column's view: made of cells and headers, not the document's characters in order.</param>
internal readonly record struct StatementView(Statement Statement, ReadOnlyMemory<char> Characters, int OwnStart, bool IsSynthetic = false)
{
    // Readers join HTML and Markdown cells with " | "; a plain-text table keeps its tabs.
    private static readonly string[] CellSeparators = [" | ", "\t"];

    private static readonly Regex Empty = new(@"^\s*(?:n/?a|not applicable|not stated|unknown|varies|not needed|not required|[-—–]|)\s*$", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // A column of the choices a setting offers ("Options: 3 months, 36 months, or off") lists what the person may pick,
    // not what the provider does: the row's value is in its other columns.
    private static readonly Regex ChoicesHeader = new(
        @"^\s*(?:other |available |possible )?(?:options?|choices|alternatives|settings you can choose|can be changed to|you can change (?:it )?to)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    public ReadOnlySpan<char> Text => Characters.Span;

    /// <summary>The statement's own characters.</summary>
    public ReadOnlySpan<char> Own => Characters.Span[OwnStart..];

    /// <summary>The context before the line break; empty when there is none.</summary>
    public ReadOnlySpan<char> Context => Characters.Span[..OwnStart];

    public bool IsOwn(TextSpan span) => span.Start >= OwnStart;

    /// <summary>
    /// For one column of a table row, the whole header row; null otherwise. A column's gate, candidate topics and the
    /// words of its action are read there too: "Used to train … | Can you turn this off?" names the topic for both.
    /// </summary>
    public TextSpan? HeaderRow => IsSynthetic ? Statement.Context : null;



    /// <summary>
    /// One view per value column of a table row: "header label | column header" over "row label | cell",
    /// so a column's header can name the plan or the question its cells answer. Empty when the row has no
    /// header with as many cells. Cells that say nothing ("N/A", "Not stated") give no view.
    /// </summary>
    public static List<StatementView> TableColumns(string documentText, Statement row)
    {
        if (row.Context is not { } header)
        {
            return [];
        }

        var headers = header.Slice(documentText).Split(CellSeparators, StringSplitOptions.TrimEntries);
        var cells = row.Span.Slice(documentText).Split(CellSeparators, StringSplitOptions.TrimEntries);
        if (headers.Length < 2 || headers.Length != cells.Length)
        {
            return [];
        }

        var views = new List<StatementView>();
        for (var column = 1; column < cells.Length; column++)
        {
            if (SaysNothing(cells[column]) || ChoicesHeader.IsMatch(headers[column]))
            {
                continue;
            }

            var prefix = $"{headers[0]} | {headers[column]}\n";
            views.Add(new StatementView(row, $"{prefix}{cells[0]} | {cells[column]}".AsMemory(), prefix.Length, IsSynthetic: true));
        }

        return views;
    }

    private static bool SaysNothing(string cell) => Empty.IsMatch(cell);

    /// <summary>The list item's sentences before this one; empty for other blocks.</summary>
    public ReadOnlySpan<char> EarlierInBlock(string documentText) =>
        Statement.Kind == BlockKind.ListItem
            ? documentText.AsSpan(Statement.Block.Start, Statement.Span.Start - Statement.Block.Start)
            : [];

    public TextSpan ToDocument(TextSpan span) =>
        new(Statement.Span.Start + span.Start - OwnStart, Statement.Span.Start + span.End - OwnStart);
}
