using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Versions;

/// <summary>What a row of a side-by-side diff shows.</summary>
public enum DiffKind
{
    /// <summary>The line is in both texts, unchanged.</summary>
    Same,

    /// <summary>The line is only in the newer (right) text.</summary>
    Added,

    /// <summary>The line is only in the older (left) text.</summary>
    Removed,

    /// <summary>The line was edited: the two sides are alike, with the words that differ marked.</summary>
    Changed,
}

/// <summary>A line of one of the two texts: its 1-based number and its span (without the line break).</summary>
public sealed record DiffLine(int Number, TextSpan Span);

/// <summary>
/// One row of a side-by-side diff. The spans are offsets in each side's whole text, as claim quotes are, so a page
/// can mark on the row every claim whose quote overlaps the line.
/// </summary>
/// <param name="Kind">Same, added, removed or changed.</param>
/// <param name="Left">The older text's line; null for an added line.</param>
/// <param name="Right">The newer text's line; null for a removed line.</param>
/// <param name="LeftChanges">For a changed row, the parts of the left line that differ (offsets in the left text).</param>
/// <param name="RightChanges">For a changed row, the parts of the right line that differ (offsets in the right text).</param>
public sealed record DiffRow(
    DiffKind Kind,
    DiffLine? Left,
    DiffLine? Right,
    IReadOnlyList<TextSpan> LeftChanges,
    IReadOnlyList<TextSpan> RightChanges);

/// <summary>A run of diff rows; a collapsed one is unchanged lines a page shows folded (it still holds them, to unfold).</summary>
public sealed record DiffSection(bool Collapsed, IReadOnlyList<DiffRow> Rows);

/// <summary>
/// A line-by-line, side-by-side diff of two versions of a text. Lines are aligned by a longest common subsequence
/// (<see cref="MyersDiff"/>: near-linear for similar texts, linear memory for any); within each run of differing
/// lines, a removed line is paired with an added line that keeps most of its words, and the pair becomes one
/// changed row with the differing words marked.
/// </summary>
public static class TextDiff
{
    /// <summary>The share of words (Dice) a removed and an added line must have in common to be one changed line.</summary>
    public const double ChangedLineSimilarity = 0.5;

    // How many added lines ahead a removed line looks for its edited form: enough for an inserted paragraph or two.
    private const int PairingLookahead = 8;

    /// <summary>The rows of the side-by-side diff from <paramref name="left"/> (older) to <paramref name="right"/> (newer).</summary>
    public static IReadOnlyList<DiffRow> Compare(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);

        var leftLines = Lines(left);
        var rightLines = Lines(right);
        var symbols = new SymbolTable();
        var a = leftLines.Select(l => symbols[l.Span.Slice(left)]).ToArray();
        var b = rightLines.Select(l => symbols[l.Span.Slice(right)]).ToArray();

        var rows = new List<DiffRow>(Math.Max(a.Length, b.Length));
        int i = 0, j = 0;
        foreach (var (mi, mj) in MyersDiff.Matches(a, b).Append((a.Length, b.Length)))
        {
            AddHunk(rows, left, right, leftLines[i..mi], rightLines[j..mj]);
            if (mi < a.Length)
            {
                rows.Add(new DiffRow(DiffKind.Same, leftLines[mi], rightLines[mj], [], []));
            }

            (i, j) = (mi + 1, mj + 1);
        }

        return rows;
    }

    /// <summary>
    /// The rows in sections, each run of unchanged rows longer than it needs to be folded: <paramref name="context"/>
    /// unchanged rows stay open next to each change, and the rest of the run is one collapsed section.
    /// </summary>
    public static IReadOnlyList<DiffSection> Collapse(IReadOnlyList<DiffRow> rows, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(context);

        var sections = new List<DiffSection>();
        var open = new List<DiffRow>();
        var i = 0;
        while (i < rows.Count)
        {
            if (rows[i].Kind != DiffKind.Same)
            {
                open.Add(rows[i++]);
                continue;
            }

            var end = i;
            while (end < rows.Count && rows[end].Kind == DiffKind.Same)
            {
                end++;
            }

            var keepBefore = i == 0 ? 0 : context;
            var keepAfter = end == rows.Count ? 0 : context;
            if (end - i > keepBefore + keepAfter)
            {
                open.AddRange(rows.Skip(i).Take(keepBefore));
                Flush(sections, open);
                sections.Add(new DiffSection(true, [.. rows.Skip(i + keepBefore).Take(end - i - keepBefore - keepAfter)]));
                open.AddRange(rows.Skip(end - keepAfter).Take(keepAfter));
            }
            else
            {
                open.AddRange(rows.Skip(i).Take(end - i));
            }

            i = end;
        }

        Flush(sections, open);
        return sections;
    }

    private static void Flush(List<DiffSection> sections, List<DiffRow> open)
    {
        if (open.Count > 0)
        {
            sections.Add(new DiffSection(false, [.. open]));
            open.Clear();
        }
    }

    // A run of lines only on the left and lines only on the right, between two unchanged lines. Pairing keeps both
    // sides in order: a removed line takes the first alike added line a few lines ahead, and the added lines it
    // passes are shown as added before it.
    private static void AddHunk(List<DiffRow> rows, string left, string right, DiffLine[] removed, DiffLine[] added)
    {
        var next = 0;
        foreach (var line in removed)
        {
            var words = Words.Of(left, line.Span.Start, line.Span.End);
            var match = -1;
            for (var k = next; k < Math.Min(added.Length, next + PairingLookahead) && match < 0; k++)
            {
                if (Words.Dice(words, Words.Of(right, added[k].Span.Start, added[k].Span.End)) >= ChangedLineSimilarity)
                {
                    match = k;
                }
            }

            if (match < 0)
            {
                rows.Add(new DiffRow(DiffKind.Removed, line, null, [], []));
                continue;
            }

            rows.AddRange(added[next..match].Select(a => new DiffRow(DiffKind.Added, null, a, [], [])));
            var (leftChanges, rightChanges) = InlineChanges(left, line.Span, right, added[match].Span);
            rows.Add(new DiffRow(DiffKind.Changed, line, added[match], leftChanges, rightChanges));
            next = match + 1;
        }

        rows.AddRange(added[next..].Select(a => new DiffRow(DiffKind.Added, null, a, [], [])));
    }

    // The word-level difference of two lines: the pieces (words, spaces, single punctuation marks) outside their
    // longest common subsequence, adjacent pieces merged into one span.
    private static (IReadOnlyList<TextSpan> Left, IReadOnlyList<TextSpan> Right) InlineChanges(
        string left, TextSpan leftLine, string right, TextSpan rightLine)
    {
        var leftPieces = Pieces(left, leftLine);
        var rightPieces = Pieces(right, rightLine);
        var symbols = new SymbolTable();
        var matches = MyersDiff.Matches(
            [.. leftPieces.Select(p => symbols[p.Slice(left)])],
            [.. rightPieces.Select(p => symbols[p.Slice(right)])]);
        return (
            Unmatched(leftPieces, [.. matches.Select(m => m.A)]),
            Unmatched(rightPieces, [.. matches.Select(m => m.B)]));
    }

    private static List<TextSpan> Unmatched(List<TextSpan> pieces, HashSet<int> matched)
    {
        var spans = new List<TextSpan>();
        for (var i = 0; i < pieces.Count; i++)
        {
            if (matched.Contains(i))
            {
                continue;
            }

            if (spans.Count > 0 && spans[^1].End == pieces[i].Start)
            {
                spans[^1] = spans[^1] with { End = pieces[i].End };
            }
            else
            {
                spans.Add(pieces[i]);
            }
        }

        return spans;
    }

    private static List<TextSpan> Pieces(string text, TextSpan line)
    {
        var pieces = new List<TextSpan>();
        var i = line.Start;
        while (i < line.End)
        {
            var start = i;
            if (char.IsLetterOrDigit(text[i]))
            {
                while (i < line.End && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }
            }
            else if (char.IsWhiteSpace(text[i]))
            {
                while (i < line.End && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }

            pieces.Add(new TextSpan(start, i));
        }

        return pieces;
    }

    // The lines of a text, each without its line break ("\n" or "\r\n"); a final line break ends the last line
    // rather than starting an empty one, and an empty text has no lines.
    private static DiffLine[] Lines(string text)
    {
        var lines = new List<DiffLine>();
        var start = 0;
        while (start < text.Length)
        {
            var stop = text.IndexOf('\n', start);
            var next = stop < 0 ? text.Length : stop + 1;
            var end = stop < 0 ? text.Length : stop;
            if (end > start && text[end - 1] == '\r')
            {
                end--;
            }

            lines.Add(new DiffLine(lines.Count + 1, new TextSpan(start, end)));
            start = next;
        }

        return [.. lines];
    }
}
