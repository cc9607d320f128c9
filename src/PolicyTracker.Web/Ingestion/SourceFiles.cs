using PolicyTracker.Core.Sources;

namespace PolicyTracker.Web.Ingestion;

/// <summary>One entry of a folder listing: a file to read, or a file or folder left out, with the reason.</summary>
/// <param name="Path">The path under the folder as it was named, so the person can find it.</param>
/// <param name="Skipped">Why it is left out; null for a file to read.</param>
public sealed record SourceFile(string Path, string? Skipped);

/// <summary>Which files in a folder are sources: those whose extension a reader handles.</summary>
/// <remarks>
/// The folder is listed as it is read, one folder at a time in a stable order, so the first file is ingested before
/// the rest of the tree is listed. Links to folders are never followed: one can lead out of the folder or back up
/// into it, and a loop of them would list the same files without end; a folder inside the tree is read under its
/// own path anyway. A link to a file is read only when the file is inside the folder and not read already.
/// </remarks>
public static class SourceFiles
{
    /// <summary>Every file under <paramref name="directory"/>, recursively, each a file to read or a skip with its reason.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="seen">Real paths of the files already taken in this run; each file is returned to read at most once.</param>
    public static IEnumerable<SourceFile> Under(string directory, ISet<string> seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var root = RealPath(directory);
        var listing = List(directory, root);
        if (listing.Failure is not null)
        {
            yield return new SourceFile(directory, listing.Failure);
        }

        // Depth first in name order, one folder listed at a time: the open folders and where each one is up to.
        var open = new Stack<Listing>([listing]);
        while (open.Count > 0)
        {
            var folder = open.Peek();
            if (folder.Next == folder.Entries.Length)
            {
                open.Pop();
                continue;
            }

            var entry = folder.Entries[folder.Next++];
            var path = Path.Combine(folder.Shown, entry.Name);
            var real = Path.Combine(folder.Real, entry.Name);
            if (entry is not DirectoryInfo)
            {
                yield return Check(path, real, entry, root, seen);
            }
            else if (entry.LinkTarget is not null)
            {
                yield return new SourceFile(path, "a link to a folder; links to folders are not followed");
            }
            else
            {
                var inner = List(path, real);
                if (inner.Failure is not null)
                {
                    yield return new SourceFile(path, inner.Failure);
                }

                open.Push(inner);
            }
        }
    }

    private static Listing List(string shown, string real)
    {
        try
        {
            var entries = new DirectoryInfo(real).GetFileSystemInfos();
            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return new Listing(shown, real, entries, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Listing(shown, real, [], $"cannot list the folder: {ex.Message}");
        }
    }

    /// <summary>A file named on its own, outside any folder listing: only checked for being read twice.</summary>
    public static SourceFile Named(string path, ISet<string> seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return seen.Add(RealPath(path)) ? new SourceFile(path, null) : new SourceFile(path, "the same file was already read in this run");
    }

    private static SourceFile Check(string path, string real, FileSystemInfo entry, string root, ISet<string> seen)
    {
        if (SourceReader.FormatFor(entry.Name) is null)
        {
            return new SourceFile(path, SourceReader.UnknownTypeReason(entry.Name));
        }

        if (entry.LinkTarget is not null)
        {
            real = RealPath(real);
            if (!IsInside(real, root))
            {
                return new SourceFile(path, "a link to a file outside the folder; it is not followed");
            }

            if (!File.Exists(real))
            {
                return new SourceFile(path, "a link to nothing");
            }
        }

        return seen.Add(real) ? new SourceFile(path, null) : new SourceFile(path, "the same file was already read in this run");
    }

    private static bool IsInside(string path, string root) =>
        path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The absolute path with every link along it resolved, so one file has one name.</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var resolved = root;
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));

        // Each link may name further links; a chain longer than the system's own limit is a loop.
        var hops = 0;
        while (parts.Count > 0)
        {
            var next = Path.Combine(resolved, parts.Dequeue());
            var target = new FileInfo(next).LinkTarget;
            if (target is null || ++hops > 40)
            {
                resolved = next;
                continue;
            }

            var absolute = Path.GetFullPath(target, resolved);
            var targetRoot = Path.GetPathRoot(absolute)!;
            var rest = parts.ToArray();
            parts = new Queue<string>([.. absolute[targetRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries), .. rest]);
            resolved = targetRoot;
        }

        return resolved;
    }

    private sealed class Listing(string shown, string real, FileSystemInfo[] entries, string? failure)
    {
        public string Shown { get; } = shown;

        public string Real { get; } = real;

        public FileSystemInfo[] Entries { get; } = entries;

        public string? Failure { get; } = failure;

        public int Next { get; set; }
    }
}
