namespace PolicyTracker.Core.Comparison;

/// <summary>
/// What the current claims on one subject and topic come to, strongest first: a topic where any two overlapping claims
/// differ is disputed whatever else its claims say. Whether a source contradicts itself and whether the topic changed
/// over time are told beside the verdict (<see cref="TopicFinding.SelfContradiction"/>, <see cref="TopicFinding.ChangedOverTime"/>).
/// </summary>
public enum Verdict
{
    /// <summary>Two claims with overlapping scopes give different values.</summary>
    Disagree,

    /// <summary>Claims with overlapping scopes give the same value, and none with overlapping scopes differ.</summary>
    Agree,

    /// <summary>Several claims, but no two of them have overlapping scopes: they neither agree nor disagree.</summary>
    OtherScope,

    /// <summary>At most one current claim: nothing to weigh it against (its source may still have changed over time).</summary>
    Alone,
}
