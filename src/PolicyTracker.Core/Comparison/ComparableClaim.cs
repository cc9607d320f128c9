namespace PolicyTracker.Core.Comparison;

/// <summary>The fields of a stored claim that the comparison looks at.</summary>
/// <param name="Id">The claim's id.</param>
/// <param name="SourceId">The source's id: what tells one source from another (a self-contradiction, a side's sources).</param>
/// <param name="Source">The source's name, as findings list it.</param>
/// <param name="Subject">The organisation the claim is about.</param>
/// <param name="Topic">The catalog topic.</param>
/// <param name="Scope">Whose data (<see cref="Scopes"/>).</param>
/// <param name="Value">The normalised value.</param>
public sealed record ComparableClaim(long Id, long SourceId, string Source, string Subject, string Topic, string Scope, string Value);
