using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Web.Pages.Sources;

/// <summary>
/// One uploaded file, kept until it is ingested: at most the size limit of it, in a temporary file of a random name
/// that is deleted when this is disposed. The name it was uploaded under is only ever a name, never a path.
/// </summary>
public sealed class StagedFile : IAsyncDisposable
{
    private const int BufferBytes = 81_920;

    private FileStream? content;

    private StagedFile(string uploadedName, long length, long limit, FileStream? content)
    {
        UploadedName = uploadedName;
        Length = length;
        Limit = limit;
        this.content = content;

        // A browser sends the name alone; a few old ones sent the whole path on the person's machine.
        FileName = Path.GetFileName(uploadedName.Replace('\\', '/'));
        NameProblem = FileName switch
        {
            "" => "the file has no name",
            "." or ".." => $"'{FileName}' is not a file name",
            _ => IngestAs.CheckSource(FileName),
        };
    }

    /// <summary>The name as the browser sent it.</summary>
    public string UploadedName { get; }

    /// <summary>The file's name without any folder: the name of the source it becomes.</summary>
    public string FileName { get; }

    /// <summary>Why <see cref="FileName"/> cannot name a source, or null when it can.</summary>
    public string? NameProblem { get; }

    /// <summary>The file's whole length, counted even where it went past the limit.</summary>
    public long Length { get; }

    public long Limit { get; }

    public bool TooBig => Length > Limit;

    /// <summary>The file as it is shown in its result line: its name, or what was sent when that is no name.</summary>
    public string Shown => NameProblem is null ? FileName : UploadedName;

    /// <summary>
    /// Copies <paramref name="body"/> to a temporary file while it is at most <paramref name="limit"/> bytes; past that
    /// the file is dropped and the rest only counted, so the refusal can say how big it was.
    /// </summary>
    public static async Task<StagedFile> StageAsync(string uploadedName, Stream body, long limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var path = Path.Combine(Path.GetTempPath(), "policytracker-upload-" + Path.GetRandomFileName());
        FileStream? content = new(
            path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferBytes, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = new byte[BufferBytes];
            long length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                length += read;
                if (content is null)
                {
                    continue;
                }

                if (length <= limit)
                {
                    await content.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                else
                {
                    await content.DisposeAsync();
                    content = null;
                }
            }

            return new StagedFile(uploadedName, length, limit, content);
        }
        catch
        {
            if (content is not null)
            {
                await content.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The file's bytes, for the ingestor; only for a file within the limit.</summary>
    public async Task<byte[]> ReadAllAsync(CancellationToken ct)
    {
        var stream = content ?? throw new InvalidOperationException($"{FileName} is over the size limit; it was not kept.");
        var bytes = new byte[Length];
        stream.Position = 0;
        await stream.ReadExactlyAsync(bytes, ct);
        return bytes;
    }

    public async ValueTask DisposeAsync()
    {
        if (content is not null)
        {
            await content.DisposeAsync();
            content = null;
        }
    }
}
