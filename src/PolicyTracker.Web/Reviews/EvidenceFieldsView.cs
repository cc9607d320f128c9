namespace PolicyTracker.Web.Reviews;

/// <summary>What the evidence partial needs: the input names' prefix, an id prefix, the values to show again.</summary>
public sealed record EvidenceFieldsView(string Prefix, string Id, EvidenceFields Values, string? TickHint = null);
