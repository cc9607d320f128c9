namespace PolicyTracker.Core.Sources;

/// <summary>A file that cannot be ingested, with a one-line reason a person can act on.</summary>
public sealed class SourceRejectedException : Exception
{
    /// <summary>Creates the exception with its reason.</summary>
    public SourceRejectedException(string reason) : base(reason)
    {
    }

    /// <summary>Creates the exception with its reason and the failure behind it.</summary>
    public SourceRejectedException(string reason, Exception inner) : base(reason, inner)
    {
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public SourceRejectedException() : base("the file cannot be read")
    {
    }
}
