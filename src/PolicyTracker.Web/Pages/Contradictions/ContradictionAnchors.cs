namespace PolicyTracker.Web.Pages;

/// <summary>The fragment that names one subject/topic finding on the Contradictions page.</summary>
public static class ContradictionAnchors
{
    public static string For(string subject, string topic) => $"c-{Safe(subject)}--{Safe(topic)}";

    private static string Safe(string value) =>
        string.Concat(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-'));
}
