using System.Globalization;
using PolicyTracker.Core.Extraction;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Pages;

/// <summary>How sure the extractor was, in words, and what each kind of cue is called on the pages.</summary>
public static class ConfidenceText
{
    /// <summary>"87%": whole percents, rounded down so a claim just under a threshold never reads as reaching it.</summary>
    public static string Percent(double confidence) =>
        ((int)Math.Floor(Math.Clamp(confidence, 0, 1) * 100 + 1e-9)).ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// "low" below the threshold (which is what makes a suggestion), "high" from halfway between the threshold and
    /// certainty, "medium" between: with the default threshold of 0.6, below 60 %, from 80 %, and between.
    /// </summary>
    public static string Word(double confidence, double threshold) =>
        confidence < threshold ? "low"
        : confidence >= (threshold + 1) / 2 ? "high"
        : "medium";

    /// <summary>What a cue's kind is called on the pages; an unknown kind is shown as it is.</summary>
    public static string Kind(string kind) => kind switch
    {
        CueKind.Actor => "Who",
        CueKind.Action => "Action",
        CueKind.DataObject => "Whose data",
        CueKind.Negation => "Negation",
        CueKind.Condition => "Condition",
        CueKind.Heading => "Heading",
        CueKind.Subject => "Subject",
        CueKind.Scope => "Scope",
        CueKind.Value => "Value",
        CueKind.Doubt => "Doubt",
        _ => kind,
    };

    /// <summary>A CSS class for a cue's kind: the kind when it is one of the known ones, else a plain one.</summary>
    public static string KindClass(string kind) => kind switch
    {
        CueKind.Actor or CueKind.Action or CueKind.DataObject or CueKind.Negation or CueKind.Condition or CueKind.Heading
            or CueKind.Subject or CueKind.Scope or CueKind.Value or CueKind.Doubt => "cue-" + kind,
        _ => "cue-other",
    };

    /// <summary>Where a cue's words are, relative to the claim's quote.</summary>
    public static string Place(StoredCue cue, int quoteStart, int quoteEnd)
    {
        ArgumentNullException.ThrowIfNull(cue);
        return cue.Start is not { } start || cue.End is not { } end ? ""
            : cue.IsInside(quoteStart, quoteEnd) ? "in the quote"
            : end <= quoteStart ? "before the quote"
            : start >= quoteEnd ? "after the quote"
            : "partly in the quote";
    }
}
