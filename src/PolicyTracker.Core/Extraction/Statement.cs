using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// One unit a claim can be quoted from: a sentence, a list item's sentence or a table row.
/// <see cref="Context"/> completes its meaning: a list's lead-in (a sentence ending in ':' or a heading right
/// above the list), a table's header row, or the sentence before a fragment such as "No exceptions.".
/// <see cref="Block"/> is the whole block the statement stands in: a list item's later sentences take the
/// plan and company its first sentence names.
/// </summary>
internal readonly record struct Statement(BlockKind Kind, TextSpan Span, TextSpan? Context, TextSpan Block)
{
    /// <summary>A short sentence that leans on the one before it: judged, and quoted, with it.</summary>
    public bool IsFragment => Kind is BlockKind.Paragraph or BlockKind.Heading && Context is not null;
}

/// <summary>Turns a document's blocks into statements, in document order.</summary>
internal static class StatementReader
{
    // A sentence this short ("No exceptions.", "Not at all.") leans on the one before it.
    private const int FragmentWords = 4;

    public static IEnumerable<Statement> Read(ExtractedDocument document)
    {
        var headings = document.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Span).ToHashSet();
        var sentences = new List<TextSpan>();
        foreach (var block in document.Blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.TableRow:
                    yield return new Statement(block.Kind, block.Span, block.Context, block.Span);
                    break;
                case BlockKind.ListItem:
                    var leadIn = IsLeadIn(document.Text, block.Context, headings) ? block.Context : null;
                    sentences.Clear();
                    SentenceSplitter.SplitInto(document.Text, block.Span, sentences);
                    JoinRunInLabel(document.Text, sentences);
                    foreach (var sentence in sentences)
                    {
                        yield return new Statement(block.Kind, sentence, leadIn, block.Span);
                    }

                    break;
                default:
                    TextSpan? previous = null;
                    sentences.Clear();
                    SentenceSplitter.SplitInto(document.Text, block.Span, sentences);
                    JoinRunInLabel(document.Text, sentences);
                    foreach (var sentence in sentences)
                    {
                        var context = previous is { } before && WordCount(document.Text, sentence) < FragmentWords ? before : (TextSpan?)null;
                        yield return new Statement(block.Kind, sentence, context, block.Span);
                        previous = sentence;
                    }

                    break;
            }
        }
    }

    // The paragraph before a list introduces it only when it says so (ends with ':') or is the list's heading;
    // otherwise it is a neighbour whose topics and plans are not the list's.
    private static bool IsLeadIn(string text, TextSpan? context, HashSet<TextSpan> headings) =>
        context is { } span && (headings.Contains(span) || text.AsSpan(span.Start, span.Length).TrimEnd().EndsWith(':'));

    // "Portability. You can request a copy of your data.": a run-in label opening the block names the topic of the
    // sentence after it, so the two are read as one statement, unless that sentence opens on a condition, which
    // must stay at its start to be read as one.
    private static void JoinRunInLabel(string text, List<TextSpan> sentences)
    {
        if (sentences.Count >= 2 && text.AsSpan(sentences[0].Start, sentences[0].Length).Trim() is var label
            && label.Length > 0 && label[^1] == '.' && StatementShape.IsTopicLabel(label)
            && !StatementShape.OpensOnCondition(text.AsSpan(sentences[1].Start, sentences[1].Length)))
        {
            sentences[1] = new TextSpan(sentences[0].Start, sentences[1].End);
            sentences.RemoveAt(0);
        }
    }

    private static int WordCount(string text, TextSpan span)
    {
        var words = 0;
        var inWord = false;
        for (var i = span.Start; i < span.End; i++)
        {
            var letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }
}
