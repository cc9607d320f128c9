using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PolicyTracker.Web.Operations;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Ingestion;

/// <summary>One entry of an ingest run, in the order the run reports it.</summary>
/// <param name="Shown">The entry as the person named it: a path for the command.</param>
public abstract record IngestEntry(string Shown);

/// <summary>A file to ingest.</summary>
/// <param name="Size">The bytes it will hold in memory once read (0 when it will not be read), for the run's bound on them.</param>
/// <param name="Read">Loads its bytes, or says why it cannot be read (too big, unreadable): that refusal is its outcome.</param>
public sealed record IngestFile(string Shown, long Size, Func<CancellationToken, Task<FileBytes>> Read) : IngestEntry(Shown);

/// <summary>A line reported in its place without ingesting anything, such as a file the folder listing skipped.</summary>
/// <param name="Failed">Whether it makes the run fail.</param>
public sealed record IngestNote(string Shown, string Line, bool Failed) : IngestEntry(Shown);

/// <summary>A file's bytes, or the reason they cannot be read.</summary>
public sealed record FileBytes(byte[]? Bytes, IngestOutcome.Rejected? Refusal);

/// <summary>What became of one entry: its outcome when it got that far, the line that reports it, whether it failed.</summary>
public sealed record IngestReport(IngestEntry Entry, IngestOutcome? Outcome, string Line, bool Failed);

/// <summary>
/// An ingest run over many files, such as the <c>ingest</c> command over a folder: files are read and extracted on
/// <see cref="IngestOptions.Readers"/> threads while one writer stores the ones before them, several files to a
/// transaction (<see cref="SourceIngestor.StoreAsync"/>). Every file gets the outcome it would get stored alone, one
/// after another in the run's order, and the reports come in that order.
/// </summary>
/// <remarks>
/// A batch takes the files that are ready, up to <see cref="IngestOptions.BatchFiles"/> files or
/// <see cref="IngestOptions.BatchBytes"/> bytes, waiting for the next only a moment. A batch that fails is stored
/// again file by file, each in its own transaction, so one bad file does not lose the others; the one that fails
/// again is reported as failed and stores nothing. The files being read or waiting to be stored hold at most a few
/// batches' bytes, or one file larger than that alone.
/// </remarks>
public sealed class IngestPipeline(
    SourceIngestor writer,
    IServiceScopeFactory scopes,
    IOptions<IngestOptions> options,
    AppMetrics metrics,
    ILogger<IngestPipeline> logger)
{
    /// <summary>How long a batch waits for its next file to be read before it is stored without it.</summary>
    private static readonly TimeSpan BatchWait = TimeSpan.FromMilliseconds(500);

    /// <summary>Ingests <paramref name="entries"/>, listed as they are read, and reports each in their order.</summary>
    public async IAsyncEnumerable<IngestReport> RunAsync(
        IEnumerable<IngestEntry> entries, IngestAs target, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(target);
        var settings = options.Value;
        var readers = settings.Readers > 0 ? settings.Readers : Environment.ProcessorCount;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ordered = Channel.CreateBounded<Slot>(new BoundedChannelOptions(settings.BatchFiles * 2) { SingleReader = true, SingleWriter = true });
        var work = Channel.CreateUnbounded<Slot>(new UnboundedChannelOptions { SingleWriter = true });
        var budget = new ByteBudget(settings.BatchBytes * 4);
        var tasks = new List<Task> { Task.Run(() => ListAsync(entries, ordered.Writer, work.Writer, budget, stop.Token), stop.Token) };
        tasks.AddRange(Enumerable.Range(0, readers).Select(_ => Task.Run(() => PrepareAsync(work.Reader, target, stop.Token), stop.Token)));

        var run = new IngestRun(target);
        var summary = new Summary(readers);
        var finished = false;
        await using var connection = await writer.OpenForRunAsync(stop.Token);
        try
        {
            while (await ordered.Reader.WaitToReadAsync(stop.Token))
            {
                var batch = await NextBatchAsync(ordered.Reader, settings, stop.Token);
                summary.Waited(batch.Waited);
                foreach (var report in await StoreAsync(batch.Slots, run, summary, stop.Token))
                {
                    yield return report;
                }

                foreach (var slot in batch.Slots)
                {
                    budget.Return(slot.Size);
                }
            }

            finished = true;
        }
        finally
        {
            if (!finished)
            {
                // Stopped early (cancelled, failed, or the caller stopped reading): the listing and the readers stop too.
                await stop.CancelAsync();
                await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            }
        }

        // Every entry was listed and every file read: the readers end as the listing did.
        await Task.WhenAll(tasks);
        summary.Log(logger);
    }

    /// <summary>Lists the entries in order: each in the ordered queue for the writer, and each file in the readers' queue too.</summary>
    private static async Task ListAsync(
        IEnumerable<IngestEntry> entries, ChannelWriter<Slot> ordered, ChannelWriter<Slot> work, ByteBudget budget, CancellationToken ct)
    {
        try
        {
            foreach (var entry in entries)
            {
                var slot = new Slot(entry);
                if (entry is IngestFile file)
                {
                    // Taken in order and given back in order by the writer, so a large file waits for room, never forever.
                    await budget.TakeAsync(file.Size, ct);
                    slot.Size = file.Size;
                }

                await ordered.WriteAsync(slot, ct);
                if (entry is IngestFile)
                {
                    await work.WriteAsync(slot, ct);
                }
                else
                {
                    slot.Ready.SetResult(null);
                }
            }

            ordered.Complete();
            work.Complete();
        }
        catch (Exception ex)
        {
            ordered.Complete(ex is OperationCanceledException ? null : ex);
            work.Complete();
            throw;
        }
    }

    /// <summary>One reader: reads and extracts files as they come, with an ingestor (and database context) of its own.</summary>
    private async Task PrepareAsync(ChannelReader<Slot> work, IngestAs target, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var ingestor = scope.ServiceProvider.GetRequiredService<SourceIngestor>();
        await foreach (var slot in work.ReadAllAsync(ct))
        {
            var file = (IngestFile)slot.Entry;
            try
            {
                var bytes = await file.Read(ct);
                slot.Ready.SetResult(bytes.Refusal is { } refusal
                    ? PreparedFile.Refused(file.Shown, refusal)
                    : await ingestor.PrepareAsync(file.Shown, file.Shown, bytes.Bytes!, target, ct));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                slot.Ready.SetCanceled(ct);
                throw;
            }
            catch (Exception ex)
            {
                // Reported in the file's place, as a failed store would be; the other files go on.
                slot.Ready.SetException(ex);
            }
        }
    }

    /// <summary>
    /// The next batch: the first entry waited for, then the entries after it as long as they are ready or become ready
    /// within a moment, up to the batch's limits.
    /// </summary>
    private static async Task<(List<Slot> Slots, TimeSpan Waited)> NextBatchAsync(ChannelReader<Slot> ordered, IngestOptions settings, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var first = await ordered.ReadAsync(ct);
        await first.Done;
        var slots = new List<Slot> { first };
        var files = first.Entry is IngestFile ? 1 : 0;
        var bytes = first.Size;
        using var moment = CancellationTokenSource.CreateLinkedTokenSource(ct);
        moment.CancelAfter(BatchWait);
        var deadline = Task.Delay(Timeout.Infinite, moment.Token);
        while (files < settings.BatchFiles && bytes < settings.BatchBytes)
        {
            if (!ordered.TryPeek(out var next))
            {
                var more = ordered.WaitToReadAsync(ct).AsTask();
                if (await Task.WhenAny(more, deadline) != more || !await more)
                {
                    break;
                }

                continue;
            }

            if (await Task.WhenAny(next.Done, deadline) != next.Done || (next.Entry is IngestFile && bytes + next.Size > settings.BatchBytes && files > 0))
            {
                break;
            }

            ordered.TryRead(out _);
            slots.Add(next);
            files += next.Entry is IngestFile ? 1 : 0;
            bytes += next.Size;
        }

        ct.ThrowIfCancellationRequested();
        return (slots, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Stores a batch in one transaction, or file by file when that fails, and reports each entry in order.</summary>
    private async Task<List<IngestReport>> StoreAsync(List<Slot> slots, IngestRun run, Summary summary, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var prepared = slots.Where(s => s.Ready.Task.IsCompletedSuccessfully && s.Ready.Task.Result is not null).ToList();
        var outcomes = new Dictionary<Slot, IngestOutcome>();
        var failures = new Dictionary<Slot, Exception>();
        var oneByOne = prepared.Count == 1;
        if (prepared.Count > 1)
        {
            try
            {
                var stored = await writer.StoreAsync([.. prepared.Select(s => s.Ready.Task.Result!)], run, ct);
                for (var i = 0; i < prepared.Count; i++)
                {
                    outcomes[prepared[i]] = stored[i];
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "A transaction of {Files} files failed; storing them one by one", prepared.Count);
                oneByOne = true;
            }
        }

        if (oneByOne)
        {
            foreach (var slot in prepared)
            {
                try
                {
                    outcomes[slot] = await writer.StoreOneAsync(slot.Ready.Task.Result!, run, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    failures[slot] = ex;
                }
            }
        }

        summary.Stored(prepared.Count, Stopwatch.GetElapsedTime(started));
        var reports = new List<IngestReport>(slots.Count);
        foreach (var slot in slots)
        {
            var failure = failures.GetValueOrDefault(slot) ?? slot.Ready.Task.Exception?.InnerException;
            reports.Add(Report(slot, outcomes.GetValueOrDefault(slot), failure));
        }

        return reports;
    }

    private IngestReport Report(Slot slot, IngestOutcome? outcome, Exception? failure)
    {
        switch (slot.Entry)
        {
            case IngestNote note:
                return new IngestReport(note, null, note.Line, note.Failed);
            case var file when outcome is not null:
                metrics.Ingested(outcome, slot.Elapsed);
                return new IngestReport(file, outcome, outcome.Line, !outcome.Stored);
            case var file:
                // Rolled back, so the other files can still go in; the log keeps the stack trace.
                logger.LogError(failure, "Ingest of {Source} failed", file.Shown);
                metrics.Ingested(null, slot.Elapsed);
                return new IngestReport(file, null, $"failed {Path.GetFileName(file.Shown)}: {failure?.Message}", true);
        }
    }

    /// <summary>An entry's place in the run: ready once its file is prepared (a note at once).</summary>
    private sealed class Slot
    {
        private readonly long started = Stopwatch.GetTimestamp();

        public Slot(IngestEntry entry)
        {
            Entry = entry;
            Done = Ready.Task.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        public IngestEntry Entry { get; }

        public long Size { get; set; }

        public TaskCompletionSource<PreparedFile?> Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the entry is ready, whether it was prepared or failed; never throws.</summary>
        public Task Done { get; }

        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// The bytes of the files being read or waiting to be stored: taken in the run's order before a file is read, given
    /// back once it is stored. A file larger than the whole budget is let in when nothing else is.
    /// </summary>
    private sealed class ByteBudget(long limit)
    {
        private readonly Lock gate = new();
        private long taken;
        private TaskCompletionSource returned = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task TakeAsync(long bytes, CancellationToken ct)
        {
            while (true)
            {
                Task wait;
                lock (gate)
                {
                    if (taken == 0 || taken + bytes <= limit)
                    {
                        taken += bytes;
                        return;
                    }

                    wait = returned.Task;
                }

                await wait.WaitAsync(ct);
            }
        }

        public void Return(long bytes)
        {
            TaskCompletionSource done;
            lock (gate)
            {
                taken -= bytes;
                done = returned;
                returned = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            done.TrySetResult();
        }
    }

    /// <summary>Where a run's time went, logged at its end: what the ingest benchmark reads the store's share from.</summary>
    private sealed class Summary(int readers)
    {
        private readonly long started = Stopwatch.GetTimestamp();
        private int files;
        private int transactions;
        private TimeSpan storing;
        private TimeSpan waiting;

        public void Waited(TimeSpan time) => waiting += time;

        public void Stored(int count, TimeSpan time)
        {
            files += count;
            transactions += count > 0 ? 1 : 0;
            storing += time;
        }

        public void Log(ILogger logger)
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            logger.LogInformation(
                "Ingest run: {Files} files in {Seconds:0.00} s with {Readers} readers; storing took {StoreSeconds:0.00} s in {Transactions} transactions, and the writer waited {WaitSeconds:0.00} s for files to be read",
                files, seconds, readers, storing.TotalSeconds, transactions, waiting.TotalSeconds);
        }
    }
}
