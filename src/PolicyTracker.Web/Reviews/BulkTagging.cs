using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace PolicyTracker.Web.Reviews;

/// <summary>What the Claims and Compare pages' bulk handlers share: reading the form, tagging, and the answer.</summary>
public static class BulkTagging
{
    public static async Task<(TagOutcome Outcome, string? Message)> ApplyAsync(
        ClaimTagger tagger, BulkTagForm form, ModelStateDictionary modelState, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        if (!modelState.IsValid)
        {
            return (new TagOutcome.Invalid([.. modelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)]), null);
        }

        var (targets, request, error) = form.Read();
        if (request is null)
        {
            return (new TagOutcome.Invalid([error!]), null);
        }

        var outcome = await tagger.TagAsync(targets, request, actor, ct);
        var message = outcome is TagOutcome.Saved saved
            ? $"Set {saved.Changed} of {targets.Count} ticked {(targets.Count == 1 ? "claim" : "claims")} to {ReviewWords.Describe(request.Status)}."
            : null;
        return (outcome, message);
    }

    /// <summary>The errors and newer values to show for a refused bulk post; sets the response's status code.</summary>
    public static (IReadOnlyList<string> Errors, IReadOnlyList<ClaimReviewState> Newer) Problems(TagOutcome outcome, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        switch (outcome)
        {
            case TagOutcome.Stale stale:
                response.StatusCode = StatusCodes.Status409Conflict;
                return ([], stale.Current);
            case TagOutcome.NotFound missing:
                response.StatusCode = StatusCodes.Status400BadRequest;
                return ([$"Claim {string.Join(", ", missing.Ids)} no longer exists (its source was ingested again); reload the page."], []);
            case TagOutcome.Invalid invalid:
                response.StatusCode = StatusCodes.Status400BadRequest;
                return (invalid.Errors, []);
            default:
                return ([], []);
        }
    }
}
