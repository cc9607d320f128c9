using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PolicyTracker.Web.Options;

namespace PolicyTracker.Web.Pages.Sources;

/// <summary>
/// Reads an upload's multipart body as it arrives, instead of letting ASP.NET Core buffer the whole form first: each
/// file is kept only up to the size limit, and the rest of an oversized file is counted, not kept. Files are staged
/// in temporary files (<see cref="StagedFile"/>) until the whole body is read, because an upload with too many files
/// must store none of them, and that is known only at its end; holding every file in memory instead would cost up to
/// <see cref="IngestOptions.MaxUploadBytes"/> per request.
/// </summary>
/// <remarks>
/// The antiforgery token must come before the files (the form puts it first), and it is checked as soon as it is
/// read, so a forged post is refused before any file is written anywhere.
/// </remarks>
public sealed class UploadReader(IAntiforgery antiforgery, IngestOptions options)
{
    public const string FilesField = "files";

    public const string SourceField = "source";

    public const string ObservedField = "observed";

    /// <summary>The name of the antiforgery token's form field, as the framework writes it into forms.</summary>
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The longest value a field other than a file may have; the longest is a source name.</summary>
    private const int MaxFieldChars = 1024;

    /// <summary>How many fields other than files a form may carry; the real one has three.</summary>
    private const int MaxFields = 10;

    /// <exception cref="AntiforgeryValidationException">The token is missing, forged or another account's.</exception>
    /// <exception cref="UploadRefusedException">The upload as a whole is refused; nothing of it is kept.</exception>
    public async Task<UploadForm> ReadAsync(HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var limit = options.MaxUploadBytes;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            throw new UploadRefusedException("The upload must be sent as a form with files (multipart/form-data).");
        }

        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        // Kestrel's own limit (30 MB by default) is for every request; this handler's is the upload's.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        var form = new UploadForm();
        var complete = false;
        try
        {
            await ReadSectionsAsync(context, form, limit, boundary, ct);
            complete = true;
            return form;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limit);
        }
        catch (InvalidDataException ex)
        {
            throw new UploadRefusedException($"The upload could not be read: {ex.Message} Nothing was stored.");
        }
        finally
        {
            // A refused upload keeps none of its files, not even in temporary files.
            if (!complete)
            {
                await form.DisposeAsync();
            }
        }
    }

    private async Task ReadSectionsAsync(HttpContext context, UploadForm form, long limit, string boundary, CancellationToken ct)
    {
        var reader = new MultipartReader(boundary, context.Request.Body) { BodyLengthLimit = limit };
        var validated = false;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            var disposition = section.GetContentDispositionHeader()
                ?? throw new UploadRefusedException("The upload could not be read: a part of it has no name.");
            var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                if (!validated)
                {
                    throw new AntiforgeryValidationException("The upload's files came before its antiforgery token.");
                }

                await AddFileAsync(form, field, disposition, section.Body, ct);
            }
            else if (field == TokenField && !validated)
            {
                await ValidateAsync(context, await ReadFieldAsync(section.Body, ct));
                validated = true;
            }
            else if (form.Fields.Count == MaxFields)
            {
                throw new UploadRefusedException("The upload could not be read: it has more fields than the form.");
            }
            else
            {
                form.Fields[field] = await ReadFieldAsync(section.Body, ct);
            }
        }

        if (!validated)
        {
            throw new AntiforgeryValidationException("The upload carries no antiforgery token.");
        }
    }

    private async Task AddFileAsync(UploadForm form, string field, ContentDispositionHeaderValue disposition, Stream body, CancellationToken ct)
    {
        if (field != FilesField)
        {
            throw new UploadRefusedException("The upload could not be read: it has files the form does not ask for.");
        }

        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
        if (name.Length == 0 && await IsEmptyAsync(body, ct))
        {
            // What a browser sends for a file input left empty.
            return;
        }

        if (form.Files.Count == options.MaxFilesPerUpload)
        {
            throw new UploadRefusedException(
                $"Too many files: an upload may hold at most {options.MaxFilesPerUpload} (Ingest:MaxFilesPerUpload). Nothing was stored; "
                + "upload them in smaller groups.");
        }

        form.Files.Add(await StagedFile.StageAsync(name, body, options.MaxFileBytes, ct));
    }

    /// <summary>
    /// Checks the token as the framework would. Antiforgery looks for the token in a header before it reads the form,
    /// so the token read from the body is handed to it there: it must not read the form itself, which would buffer
    /// every file before the check.
    /// </summary>
    private async Task ValidateAsync(HttpContext context, string token)
    {
        var header = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value.HeaderName
            ?? throw new InvalidOperationException("Antiforgery has no header name to check the upload's token with.");
        context.Request.Headers[header] = token;
        await antiforgery.ValidateRequestAsync(context);
    }

    private static async Task<bool> IsEmptyAsync(Stream body, CancellationToken ct)
    {
        var one = new byte[1];
        return await body.ReadAsync(one, ct) == 0;
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[MaxFieldChars + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (read > MaxFieldChars)
        {
            throw new UploadRefusedException("The upload could not be read: a field of the form is too long.");
        }

        return new string(buffer, 0, read);
    }

    private static UploadRefusedException TooLarge(long limit) => new(
        $"The upload is larger than {limit} bytes, the most one upload may be (Ingest:MaxFileBytes for each of "
        + "Ingest:MaxFilesPerUpload files). Nothing was stored; upload the files in smaller groups.",
        StatusCodes.Status413PayloadTooLarge);
}

/// <summary>An upload as read: its fields other than the token, and its files in the order they came.</summary>
public sealed class UploadForm : IAsyncDisposable
{
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    public List<StagedFile> Files { get; } = [];

    public string? Field(string name) => Fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var file in Files)
        {
            await file.DisposeAsync();
        }

        Files.Clear();
    }
}

/// <summary>The upload as a whole is refused, with the reason to show and the status to answer with.</summary>
public sealed class UploadRefusedException(string message, int statusCode = StatusCodes.Status400BadRequest) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
