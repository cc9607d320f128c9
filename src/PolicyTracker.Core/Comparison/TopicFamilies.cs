namespace PolicyTracker.Core.Comparison;

/// <summary>
/// The families topics are grouped into, read from the part of the topic key before its first dot
/// (<c>retention.deleted_chats</c> is in <c>retention</c>), so a topic an admin adds to the catalog joins its family
/// without a list to keep up to date.
/// </summary>
public static class TopicFamilies
{
    /// <summary>The built-in families, in the order an analyst reads them.</summary>
    public static IReadOnlyList<string> Known { get; } = ["training", "retention", "security", "sharing", "rights"];

    /// <summary>The family of <paramref name="topic"/>: its key up to the first dot, or the whole key when it has none.</summary>
    public static string Of(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var dot = topic.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? topic[..dot] : topic;
    }

    /// <summary>Where a family is listed: the built-in ones in their order, any other after them.</summary>
    internal static int Rank(string family)
    {
        for (var i = 0; i < Known.Count; i++)
        {
            if (string.Equals(Known[i], family, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return Known.Count;
    }
}
