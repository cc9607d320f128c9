namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// The files of one ingest run: one <c>ingest</c> command, or one upload in the browser. A source is known by its file
/// name, so a run takes each name from one file only: a second file of that name would replace the first as a new
/// version without anyone noticing. Under a chosen source every file is a version of that one source, and then only
/// the order of the files matters, so the rule does not apply.
/// </summary>
public sealed class IngestRun(IngestAs target)
{
    private readonly Dictionary<string, string> taken = new(StringComparer.Ordinal);

    /// <summary>A copy to try a batch of files on: the names it records are the run's only once the batch is stored (<see cref="Take"/>).</summary>
    public IngestRun Fork()
    {
        var fork = new IngestRun(target);
        foreach (var (name, shown) in taken)
        {
            fork.taken[name] = shown;
        }

        return fork;
    }

    /// <summary>Takes the names a stored batch recorded on its <see cref="Fork"/>.</summary>
    public void Take(IngestRun fork)
    {
        ArgumentNullException.ThrowIfNull(fork);
        foreach (var (name, shown) in fork.taken)
        {
            taken[name] = shown;
        }
    }

    /// <summary>The refusal for a file whose name an earlier file of this run was stored under, or null.</summary>
    /// <param name="shown">The file as the person named it: its path for the command, its name for an upload.</param>
    /// <param name="fileName">The file's name, which names its source.</param>
    public IngestOutcome.Rejected? SameNameAsEarlier(string shown, string fileName) =>
        target.Source is null && taken.TryGetValue(fileName, out var first)
            ? new IngestOutcome.Rejected(
                shown, $"same file name as {first}, ingested in this run; rename one of them, as a source is known by its file name")
            : null;

    /// <summary>Notes a file's outcome: a stored file takes its name for the rest of the run; a refused one does not.</summary>
    public void Record(string shown, string fileName, IngestOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Stored)
        {
            taken[fileName] = shown;
        }
    }
}
