using Microsoft.EntityFrameworkCore;
using PolicyTracker.Core.Sources;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Export;

/// <summary>
/// The analyst data plus what the reports must carry: editors' verdicts, notes and evidence on claims, reviewed
/// contradictions, and a source of hostile text (formula starts, quotes, commas, CR/LF, markup) whose claims about
/// "initech" contradict each other. Reviews are written directly, as the editor pages would store them.
/// </summary>
public class ReportApp : AnalystApp
{
    public const string Organization = "Privacy Watch e.V.";

    public const string OrganizationUrl = "https://privacy-watch.example";

    public const string HostileText =
        "=HYPERLINK(\"http://evil.example\",\"click\") says Initech keeps chats, \"forever\", really.\r\nSecond line\nthird line. "
        + "+1 Initech keeps chats for 30 days. @SUM(A1) Initech keeps chats for 90 days. -2 Initech, \"quoted\", keeps chats for 1 year.\t";

    public const string VerifiedNote = "Checked against the policy of 2025-09-28; the article is older.";

    public const string ContradictionNote = "The article describes the old default; \"opt out\" was replaced.";

    public static readonly DateTimeOffset ReviewedAt = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    public long HostileId { get; private set; }

    protected override IEnumerable<KeyValuePair<string, string>> Settings => new Dictionary<string, string>
    {
        ["Reports:Organization:Name"] = Organization,
        ["Reports:Organization:Url"] = OrganizationUrl,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = CreateDbContext();
        var hostile = new Source
        {
            FileName = "hostile,\"name\".txt",
            Title = "=Hostile \"title\", with commas",
            Kind = SourceKind.Guide,
            Format = SourceFormat.Text,
            Sha256 = new string('a', 64),
            ByteCount = HostileText.Length,
            Text = HostileText,
            Version = 1,
            IngestedAt = ReviewedAt,
            UpdatedAt = ReviewedAt,
        };
        db.Sources.Add(hostile);
        await db.SaveChangesAsync();
        HostileId = hostile.Id;

        var hostileClaims = new Dictionary<string, (string Quote, string Value)>
        {
            ["hostile-formula"] = ("=HYPERLINK(\"http://evil.example\",\"click\") says Initech keeps chats, \"forever\", really.\r\nSecond line\nthird line.", "account-lifetime"),
            ["hostile-plus"] = ("+1 Initech keeps chats for 30 days.", "P30D"),
            ["hostile-at"] = ("@SUM(A1) Initech keeps chats for 90 days.", "P90D"),
            ["hostile-minus"] = ("-2 Initech, \"quoted\", keeps chats for 1 year.\t", "P365D"),
        };
        foreach (var (name, (quote, value)) in hostileClaims)
        {
            var start = HostileText.IndexOf(quote, StringComparison.Ordinal);
            Assert.True(start >= 0, name);
            var claim = new Claim
            {
                SourceId = hostile.Id, Subject = "initech", Topic = "retention.active", Scope = "consumer", Value = value,
                Quote = quote, Start = start, End = start + quote.Length,
            };
            db.Claims.Add(claim);
            await db.SaveChangesAsync();
            Claims[name] = claim.Id;
        }

        await ReviewAsync(db, "policy-training", ClaimStatus.Verified, VerifiedNote, evidenceFrom: "policy-control");
        await ReviewAsync(db, "article-training", ClaimStatus.Contradicted, "Contradicted by the provider's own policy.");
        await ReviewAsync(db, "script-html", ClaimStatus.Disputed, "Only this <b>article</b> says so; needs a second source.");
        await ReviewAsync(db, "policy-export", ClaimStatus.NotApplicable, null);
        await ReviewAsync(db, "hostile-formula", ClaimStatus.Disputed, "=cmd|' /C calc'!A0 is what the note says, with \"quotes\".\r\nAnd a second line.");

        db.ContradictionReviews.AddRange(
            new ContradictionReview
            {
                Subject = "acme", Topic = "training.default", State = ContradictionState.Confirmed, Note = ContradictionNote,
                ReviewedBy = "editor@example.org", ReviewedAt = ReviewedAt,
            },
            new ContradictionReview
            {
                Subject = "acme", Topic = "retention.deleted_chats", State = ContradictionState.Dismissed, Reason = DismissalReason.DifferentTime,
                Note = "The 90 days were the old policy.", ReviewedBy = "editor@example.org", ReviewedAt = ReviewedAt,
            });

        // A change between two versions of the hostile source, its quotes as hostile as its text.
        db.SourceChanges.Add(new SourceChange
        {
            SourceId = hostile.Id, Subject = "initech", Topic = "retention.active", Scope = "consumer", Kind = Core.Versions.ChangeKind.Changed,
            FromVersion = 1, ToVersion = 2, FromObserved = ChangedFrom, ToObserved = ChangedTo, FromValue = "P30D", ToValue = "P90D",
            FromQuote = ChangeFromQuote, ToQuote = ChangeToQuote, FromStart = 0, FromEnd = ChangeFromQuote.Length, ToStart = 0, ToEnd = ChangeToQuote.Length,
        });
        await db.SaveChangesAsync();
    }

    public const string ChangeFromQuote = "| Initech keeps <script>alert(1)</script> chats for 30 days |";

    public const string ChangeToQuote = "=Initech keeps chats for 90 days.\n# not a heading";

    public static readonly DateTimeOffset ChangedFrom = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset ChangedTo = new(2025, 9, 28, 0, 0, 0, TimeSpan.Zero);

    private async Task ReviewAsync(PolicyDbContext db, string name, ClaimStatus status, string? note, string? evidenceFrom = null)
    {
        var claim = await db.Claims.SingleAsync(c => c.Id == Claims[name]);
        claim.Status = status;
        claim.ReviewNote = note;
        claim.ReviewedBy = "editor@example.org";
        claim.ReviewedAt = ReviewedAt;
        if (evidenceFrom is not null)
        {
            var evidence = await db.Claims.Include(c => c.Source).SingleAsync(c => c.Id == Claims[evidenceFrom]);
            claim.Evidence.Add(new ClaimEvidence { EvidenceClaimId = evidence.Id, Quote = evidence.Quote, SourceName = evidence.Source!.FileName });
        }

        await db.SaveChangesAsync();
    }
}

/// <summary>The same data on a server without Chromium.</summary>
public sealed class NoChromiumReportApp : ReportApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => new Dictionary<string, string>
    {
        ["Reports:ChromiumPath"] = "/nonexistent/chromium",
    };
}
