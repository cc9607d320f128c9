using PolicyTracker.Core.Text;

namespace PolicyTracker.Core.Extraction;

/// <summary>
/// One statement about one subject's data practice, found in a source.
/// <see cref="Quote"/> is exactly the slice <see cref="Span"/> of the source's extracted text.
/// </summary>
public sealed record ExtractedClaim(string Subject, string Topic, string Scope, string Value, string Quote, TextSpan Span)
{
    /// <summary>How sure the extractor is, from 0 to 1 (see <see cref="Confidence"/>); 1 for a claim made by hand.</summary>
    public double Confidence { get; init; } = 1;

    /// <summary>What the extractor read to make the claim: the actor, action, data object, negation, condition, heading.</summary>
    public IReadOnlyList<Cue> Cues { get; init; } = [];

    /// <summary>True when the claim is below <paramref name="threshold"/>: a suggestion for editors, not yet a claim.</summary>
    public bool IsSuggestion(double threshold) => Confidence < threshold;

    /// <summary>Equal claims say the same, with the same confidence and the same cues in the same order.</summary>
    public bool Equals(ExtractedClaim? other) =>
        other is not null
        && (Subject, Topic, Scope, Value, Quote, Span, Confidence) == (other.Subject, other.Topic, other.Scope, other.Value, other.Quote, other.Span, other.Confidence)
        && Cues.SequenceEqual(other.Cues);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Subject, Topic, Scope, Value, Span, Confidence);
}

/// <summary>The kinds of <see cref="Cue"/>, as shown to editors under "why this claim".</summary>
public static class CueKind
{
    /// <summary>Who does it: the provider, the person, a customer, a third party.</summary>
    public const string Actor = "actor";
    /// <summary>What is done: train, sell, share for ads, keep, delete, export, encrypt, access.</summary>
    public const string Action = "action";
    /// <summary>Whose data it is done to: the person's content or personal data.</summary>
    public const string DataObject = "object";
    /// <summary>The word that negates the action.</summary>
    public const string Negation = "negation";
    /// <summary>The condition the statement sits in (unless, if, where).</summary>
    public const string Condition = "condition";
    /// <summary>The heading of the section the statement sits in.</summary>
    public const string Heading = "heading";
    /// <summary>The name that made the subject.</summary>
    public const string Subject = "subject";
    /// <summary>The words that made the scope.</summary>
    public const string Scope = "scope";
    /// <summary>The words that gave the value.</summary>
    public const string Value = "value";

    /// <summary>Something that lowered the confidence, in words ("no data object named").</summary>
    public const string Doubt = "doubt";
}

/// <summary>
/// One thing the extractor read: its kind (<see cref="CueKind"/>), the words, and where they stand in the extracted
/// text. A cue inside the claim's quote can be marked there; a heading usually stands before it. A doubt has no span.
/// </summary>
public sealed record Cue(string Kind, string Text, TextSpan? Span = null);

/// <summary>A topic match that its statement's relation ruled out: the topic, the value it would have had, the statement and why.</summary>
public sealed record VetoedMatch(string Topic, string Value, string Statement, string Reason);
