namespace PolicyTracker.Core.Text;

/// <summary>Half-open range [Start, End) in a source's extracted text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>True when the two spans share at least one character.</summary>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>The covered slice of <paramref name="text"/>.</summary>
    public string Slice(string text) => text[Start..End];

    /// <summary>The covered characters of <paramref name="text"/>, without copying them.</summary>
    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, Length);
}
