namespace PolicyTracker.Core.Extraction;

/// <summary>
/// The last stage: a document that answers one question (subject, topic and plan) one way in more of its statements,
/// and more surely, than another way is read as saying the first. A policy rarely contradicts itself; when its
/// statements seem to, the fewer and weaker are far more often misread (a listed exception, a condition, a narrower
/// kind of data) than a real change of mind. They are kept as suggestions, with the reason, so an editor still sees
/// them (as a possible contradiction) and can accept one. An answer stated as surely as the other stands: on the gold
/// sets, outvoting those too removed two of the nine real contradictions found (docs/quality.md).
/// Claims are judged confident at the default threshold: the extractor does not know a deployment's own setting.
/// </summary>
internal static class DocumentConsistency
{
    /// <summary>Where an outvoted claim's confidence is set: under the default threshold with room to spare.</summary>
    public const double Outvoted = Confidence.DefaultThreshold - 0.1;

    public const string Doubt = "the same document says otherwise more often";

    public static void Settle(List<ExtractedClaim> claims)
    {
        var questions = claims
            .Select((claim, index) => (Claim: claim, Index: index))
            .Where(c => !c.Claim.IsSuggestion(Confidence.DefaultThreshold))
            .GroupBy(c => (c.Claim.Subject, c.Claim.Topic, c.Claim.Scope));
        foreach (var question in questions)
        {
            var answers = question.GroupBy(c => c.Claim.Value).Select(a => a.ToList()).OrderByDescending(a => a.Count).ToList();
            if (answers.Count < 2 || answers[0].Count == answers[1].Count)
            {
                continue;
            }

            // Only an answer the document gives with less confidence is outvoted: a plainly stated one is a real
            // change of mind, or a real exception, that an analyst must see.
            var strongest = answers[0].Max(c => c.Claim.Confidence);
            foreach (var (claim, index) in answers.Skip(1).Where(a => a.Max(c => c.Claim.Confidence) < strongest).SelectMany(a => a))
            {
                claims[index] = claim with
                {
                    Confidence = Math.Min(claim.Confidence, Outvoted),
                    Cues = [.. claim.Cues, new Cue(CueKind.Doubt, Doubt)],
                };
            }
        }
    }
}
