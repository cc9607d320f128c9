using System.Text.RegularExpressions;
using PolicyTracker.Core.Sources;
using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction;

/// <summary>The segment stage's tests of a statement's shape: headings, questions, lead-ins and header rows make no claim.</summary>
internal static partial class StatementShape
{
    public static bool IsQuestion(ReadOnlySpan<char> statement) => statement.TrimEnd().EndsWith('?');

    /// <summary>
    /// A heading, or a paragraph that reads as one ("SELLING INFORMATION", "Deletion Request Rights"): short, with
    /// no sentence end and no "label: value" colon, all in capitals or every longer word capitalised.
    /// </summary>
    public static bool IsHeading(Statement statement, ReadOnlySpan<char> own)
    {
        var trimmed = own.Trim();
        if (trimmed.Length == 0 || trimmed.Contains(':') || trimmed[^1] is '.' or '!' or '?' or ':' or ';')
        {
            return false;
        }

        if (statement.Kind == BlockKind.Heading)
        {
            return true;
        }

        if (statement.Kind is BlockKind.TableRow or BlockKind.ListItem || trimmed.Length > 80)
        {
            return false;
        }

        var words = 0;
        var capitalised = 0;
        var hasLower = false;
        foreach (var range in trimmed.Split(' '))
        {
            var word = trimmed[range].Trim("\"“”()*_");
            if (word.Length == 0)
            {
                continue;
            }

            words++;
            hasLower |= word.ContainsAnyInRange('a', 'z');
            if (word.Length <= 3 || char.IsUpper(word[0]))
            {
                capitalised++;
            }
        }

        return words is > 0 and <= 10 && (!hasLower || capitalised == words);
    }

    /// <summary>
    /// A run-in label opening a paragraph or list item ("Advertising partners. Third-party advertising companies ...",
    /// "Download your data. You can request a copy ...", "Use of data for AI training. Microsoft uses ..."): a few
    /// words ending in a full stop, with the block going on after them. It names what follows, like a heading; the
    /// sentences after it make the claims. Up to three words it is a label whatever they are; up to eight, only a
    /// phrase with no one acting and no verb of a sentence ("We never sell data." is a statement).
    /// </summary>
    public static bool IsRunInLabel(Statement statement, ReadOnlySpan<char> own)
    {
        // Opening its block (a few characters of marker or space aside) and not ending it.
        var trimmed = own.Trim();
        if (statement.Kind is BlockKind.TableRow or BlockKind.Heading || trimmed.Length == 0 || trimmed[^1] != '.'
            || statement.Span.Start > statement.Block.Start + 4 || statement.Span.End >= statement.Block.End - 1)
        {
            return false;
        }

        var words = WordCount.Of(trimmed);
        return words <= 3 || (words <= 8 && !SentenceWord().IsMatch(trimmed));
    }

    /// <summary>
    /// Whether <paramref name="trimmed"/>, a sentence ending in a period, is a name for what follows it ("Portability.",
    /// "Right to erasure."): a few words with no word of a sentence, and no answer ("Yes.", "Not at all.").
    /// </summary>
    public static bool IsTopicLabel(ReadOnlySpan<char> trimmed) =>
        WordCount.Of(trimmed) <= 4 && !Verb().IsMatch(trimmed) && !Answer().IsMatch(trimmed);

    // A label may say whose ("Your right to delete."); it has no verb or subject of its own.
    [GeneratedRegex(@"\b(?:we|you|they|it|i|is|are|was|were|be|been|will|would|may|might|can|could|do|does|did|has|have|had|shall|must|should)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Verb();

    /// <summary>
    /// Where the sentence proper starts in a statement that opens on a run-in label joined to it ("Portability. You
    /// can …"); 0 when it opens on none. The label is read with the sentence, but the quote is the sentence.
    /// </summary>
    public static int AfterTopicLabel(ReadOnlySpan<char> statement)
    {
        var stop = statement.IndexOf(". ", StringComparison.Ordinal);
        if (stop <= 0 || stop > 60 || !IsTopicLabel(statement[..(stop + 1)].Trim()))
        {
            return 0;
        }

        var start = stop + 1;
        while (start < statement.Length && char.IsWhiteSpace(statement[start]))
        {
            start++;
        }

        return start;
    }

    [GeneratedRegex(@"^\W*(?:yes|no|not|never|none|correct|right|sure|absolutely|exactly)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Answer();

    /// <summary>Whether <paramref name="sentence"/> opens with a condition ("If you allow …"), which must stay at its start.</summary>
    public static bool OpensOnCondition(ReadOnlySpan<char> sentence) => OpeningCondition().IsMatch(sentence);

    [GeneratedRegex(@"^\W*(?:if|when|where|whenever|unless|once|after|before|while|even|until|in the event|to the extent)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningCondition();

    [GeneratedRegex(@"\b(?:we|you|they|it|i|us|our|your|their|is|are|was|were|be|been|will|would|may|might|can|could|do|does|did|not|never|no|has|have|had|shall|must|should|only)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceWord();

    // A table's header row names the questions; its data rows answer them.
    public static bool IsHeaderRow(Statement statement) => statement.Kind == BlockKind.TableRow && statement.Context is null;

    // A row of a glossary ("Term | What it means") defines a word, as a definition in prose does.
    public static bool IsGlossaryRow(string documentText, Statement statement) =>
        statement.Kind == BlockKind.TableRow && statement.Context is { } header && GlossaryHeader().IsMatch(header.Of(documentText));

    [GeneratedRegex(@"^\W*(?:(?:key |defined )?terms?|words?|phrases?|definitions?|glossary)\W*(?:\||\t)", RegexOptions.IgnoreCase)]
    private static partial Regex GlossaryHeader();

    // "We do not train our models on:" introduces the statements; its items make the claims.
    public static bool IsLeadIn(ReadOnlySpan<char> statement) => statement.TrimEnd().EndsWith(':');
}
