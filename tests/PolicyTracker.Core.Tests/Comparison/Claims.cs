using PolicyTracker.Core.Comparison;

namespace PolicyTracker.Core.Tests.Comparison;

/// <summary>Claims written the short way: source number, scope and value, on one subject and topic unless told.</summary>
internal static class Claims
{
    public const string Subject = "acme";
    public const string Topic = "retention.deleted_chats";

    public static ComparableClaim Claim(long id, long source, string scope, string value, string topic = Topic, string subject = Subject) =>
        new(id, source, $"source-{source}.txt", subject, topic, scope, value);
}
