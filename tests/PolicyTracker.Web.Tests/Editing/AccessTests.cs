using System.Net;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Editing;

/// <summary>Who may do what: every write is checked on the server, whatever the page shows.</summary>
public sealed class AccessTests(AnalystApp app) : IClassFixture<AnalystApp>
{
    [Fact]
    public async Task TagPost_Anonymous_SentToSignInAndNothingChanges()
    {
        // Arrange: an anonymous visitor has no tag form, so it forges one with a valid antiforgery token of its own.
        var claimId = app.Claims["policy-training"];
        using var client = app.Anonymous();
        var page = await client.GetDocumentAsync($"/Claims/{claimId}");
        Assert.Null(page.Forms["tag-form"]);
        var signIn = await client.GetDocumentAsync("/Account/SignIn");
        var before = await StateAsync();

        // Act
        using var response = await PostTagAsync(client, signIn, claimId);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", PathOf(response), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task TagPost_Reader_ForbiddenAndNothingChanges()
    {
        // Arrange: a reader's pages carry a valid token (the sign-out form) but no tag form.
        var claimId = app.Claims["policy-training"];
        using var client = await app.SignInAsync(Roles.Reader);
        var page = await client.GetDocumentAsync($"/Claims/{claimId}");
        Assert.Null(page.Forms["tag-form"]);
        var before = await StateAsync();

        // Act
        using var response = await PostTagAsync(client, page, claimId);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", PathOf(response), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task BulkAndReviewPosts_Reader_ForbiddenAndNothingChanges()
    {
        // Arrange
        using var client = await app.SignInAsync(Roles.Reader);
        var page = await client.GetDocumentAsync("/Claims");
        var token = TokenOf(page);
        var before = await StateAsync();

        // Act
        using var bulk = await client.Http.PostAsync("/Claims?handler=Bulk", Form(token, ("Bulk.Selected", $"{app.Claims["policy-training"]}:0"), ("Bulk.Status", "Disputed")));
        using var compare = await client.Http.PostAsync("/Compare?subject=acme&handler=Bulk", Form(token, ("Bulk.Selected", $"{app.Claims["policy-training"]}:0"), ("Bulk.Status", "Disputed")));
        using var review = await client.Http.PostAsync("/Contradictions?handler=Review", Form(token,
            ("Input.Subject", "acme"), ("Input.Topic", "training.default"), ("Input.Revision", "0"), ("Input.State", "Dismissed"), ("Input.Reason", "DifferentScope")));

        // Assert
        Assert.All([bulk, compare, review], r => Assert.StartsWith("/Account/AccessDenied", PathOf(r), StringComparison.Ordinal));
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task TagPost_EditorWithoutAntiforgeryToken_RefusedAndNothingChanges()
    {
        // Arrange
        var claimId = app.Claims["policy-training"];
        using var client = await app.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync($"/Claims/{claimId}");
        var before = await StateAsync();

        // Act
        using var missing = await client.SubmitAsync(page.Forms["tag-form"]!, new() { ["__RequestVerificationToken"] = null, ["Input.Status"] = "Disputed" });
        using var forged = await client.SubmitAsync(page.Forms["tag-form"]!, new() { ["__RequestVerificationToken"] = "forged", ["Input.Status"] = "Disputed" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task TokenFromAnotherUser_Refused()
    {
        // Arrange: a token is bound to the account it was issued to.
        var claimId = app.Claims["policy-training"];
        using var editor = await app.SignInAsync(Roles.Editor);
        using var other = await app.SignInAsync(Roles.Editor);
        var otherPage = await other.GetDocumentAsync($"/Claims/{claimId}");
        var editorPage = await editor.GetDocumentAsync($"/Claims/{claimId}");
        var before = await StateAsync();

        // Act
        using var response = await editor.SubmitAsync(editorPage.Forms["tag-form"]!, new()
        {
            ["__RequestVerificationToken"] = TokenOf(otherPage),
            ["Input.Status"] = "Disputed",
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Reader)]
    public async Task AdminPages_NonAdmin_Refused(string role)
    {
        // Arrange
        using var client = await app.SignInAsync(role);
        var page = await client.GetDocumentAsync("/");
        var accounts = await AccountCountAsync();

        // Act
        using var get = await client.Http.GetAsync("/Admin/Users");
        using var post = await client.Http.PostAsync("/Admin/Users?handler=Add", Form(TokenOf(page),
            ("NewUser.Email", "mallory@example.org"), ("NewUser.Role", "Admin"), ("NewUser.Password", "a long enough password")));

        // Assert
        Assert.StartsWith("/Account/AccessDenied", PathOf(get), StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", PathOf(post), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href='/Admin/Users']"));
        Assert.Equal(accounts, await AccountCountAsync());
    }

    [Fact]
    public async Task AdminPages_Anonymous_SentToSignIn()
    {
        // Act
        using var client = app.Anonymous();
        using var response = await client.Http.GetAsync("/Admin/Users");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", PathOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminUsersPage_AddAndChangeRole_TakesEffectAndIsAudited()
    {
        // Arrange
        var adminEmail = await app.AddUserAsync(Roles.Admin);
        using var admin = await app.SignInAsync(Roles.Admin, adminEmail);
        var page = await admin.GetDocumentAsync("/Admin/Users");
        var email = $"new-{Guid.NewGuid():N}@example.org";

        // Act
        using var added = await admin.SubmitAsync(page.Forms["add-user"]!, new()
        {
            ["NewUser.Email"] = email, ["NewUser.Role"] = Roles.Reader, ["NewUser.Password"] = TestApp.Password,
        });
        var listed = await admin.GetDocumentAsync("/Admin/Users");
        var roleForm = listed.QuerySelectorAll("#accounts form")
            .OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .Single(f => f.QuerySelector("input[name=email]")!.GetAttribute("value") == email);
        using var changed = await admin.SubmitAsync(roleForm, new() { ["role"] = Roles.Editor });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var asNewUser = await app.SignInAsync(Roles.Editor, email);
        var claimPage = await asNewUser.GetDocumentAsync($"/Claims/{app.Claims["policy-export"]}");
        Assert.NotNull(claimPage.Forms["tag-form"]);
        await using var db = app.CreateDbContext();
        var entries = await db.AuditEntries.Where(a => a.Target == $"user {email}").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(
            [(AuditAction.UserAdded, (string?)null, (string?)"Reader", adminEmail), (AuditAction.UserRoleChanged, "Reader", "Editor", adminEmail)],
            entries.Select(e => (e.Action, e.From, e.To, e.Actor)));
    }

    [Fact]
    public async Task AdminUsersPage_ShortPasswordOrDuplicate_RefusedWithReason()
    {
        // Arrange
        var existing = await app.AddUserAsync(Roles.Reader);
        using var admin = await app.SignInAsync(Roles.Admin);
        var page = await admin.GetDocumentAsync("/Admin/Users");
        var accounts = await AccountCountAsync();

        // Act
        using var shortPassword = await admin.SubmitAsync(page.Forms["add-user"]!, new()
        {
            ["NewUser.Email"] = "short@example.org", ["NewUser.Role"] = Roles.Reader, ["NewUser.Password"] = "tooshort",
        });
        using var duplicate = await admin.SubmitAsync(page.Forms["add-user"]!, new()
        {
            ["NewUser.Email"] = existing, ["NewUser.Role"] = Roles.Reader, ["NewUser.Password"] = TestApp.Password,
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Contains("at least 12 characters", (await FormClient.ParseAsync(shortPassword)).GetElementById("user-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("already exists", (await FormClient.ParseAsync(duplicate)).GetElementById("user-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(accounts, await AccountCountAsync());
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_LockTheAccountEvenForTheRightPassword()
    {
        // Arrange
        var email = await app.AddUserAsync(Roles.Editor);
        using var client = app.Anonymous();

        // Act
        for (var i = 0; i < SecurityServices.MaxFailedSignIns; i++)
        {
            var form = await client.GetDocumentAsync("/Account/SignIn");
            using var wrong = await client.SubmitAsync(form.Forms["sign-in"]!, new() { ["Input.Email"] = email, ["Input.Password"] = "not the password" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var again = await client.GetDocumentAsync("/Account/SignIn");
        using var right = await client.SubmitAsync(again.Forms["sign-in"]!, new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });

        // Assert
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", (await FormClient.ParseAsync(right)).GetElementById("sign-in-error")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(right.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(SecurityServices.CookieName, StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        Assert.True((await db.Users.SingleAsync(u => u.Email == email)).LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SameMessageAsUnknownAccount()
    {
        // Arrange
        var email = await app.AddUserAsync(Roles.Reader);
        using var client = app.Anonymous();
        var page = await client.GetDocumentAsync("/Account/SignIn");

        // Act
        using var wrong = await client.SubmitAsync(page.Forms["sign-in"]!, new() { ["Input.Email"] = email, ["Input.Password"] = "wrong password here" });
        using var unknown = await client.SubmitAsync(page.Forms["sign-in"]!, new() { ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "wrong password here" });

        // Assert
        Assert.Equal(
            (await FormClient.ParseAsync(wrong)).GetElementById("sign-in-error")!.TextContent,
            (await FormClient.ParseAsync(unknown)).GetElementById("sign-in-error")!.TextContent);
    }

    [Fact]
    public async Task SignIn_LockedAccountAndUnknownAddress_SameAnswer()
    {
        // Arrange: one real account and one address with none, each failed as often as locks an account.
        var email = await app.AddUserAsync(Roles.Editor);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";
        using var client = app.Anonymous();
        var page = await client.GetDocumentAsync("/Account/SignIn");
        foreach (var address in new[] { email, unknown })
        {
            for (var i = 0; i < SecurityServices.MaxFailedSignIns; i++)
            {
                using var wrong = await client.SubmitAsync(page.Forms["sign-in"]!, new() { ["Input.Email"] = address, ["Input.Password"] = "not the password" });
            }
        }

        // Act: the right password for the locked account, and any password for the address with none.
        using var locked = await client.SubmitAsync(page.Forms["sign-in"]!, new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
        using var nobody = await client.SubmitAsync(page.Forms["sign-in"]!, new() { ["Input.Email"] = unknown, ["Input.Password"] = TestApp.Password });

        // Assert: the same status and the same words, so the answer does not say which address has an account.
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nobody.StatusCode);
        var lockedError = (await FormClient.ParseAsync(locked)).GetElementById("sign-in-error")!.TextContent;
        var nobodyError = (await FormClient.ParseAsync(nobody)).GetElementById("sign-in-error")!.TextContent;
        Assert.Equal(lockedError, nobodyError);
        Assert.Equal(PolicyTracker.Web.Pages.Account.SignInModel.Refused, lockedError);
        await using var db = app.CreateDbContext();
        Assert.True((await db.Users.SingleAsync(u => u.Email == email)).LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task SignIn_Cookie_IsHttpOnlyAndSameSite()
    {
        // Arrange
        var email = await app.AddUserAsync(Roles.Reader);
        using var client = app.Anonymous();
        var page = await client.GetDocumentAsync("/Account/SignIn");

        // Act
        using var response = await client.SubmitAsync(page.Forms["sign-in"]!, new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });

        // Assert
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SecurityServices.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_OverHttps_CookiesAreSecure()
    {
        // Arrange
        var email = await app.AddUserAsync(Roles.Reader);
        using var client = new FormClient(app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
        }));
        var page = await client.GetDocumentAsync("/Account/SignIn");

        // Act
        using var response = await client.SubmitAsync(page.Forms["sign-in"]!, new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });

        // Assert
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SecurityServices.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie.Split(';').Select(p => p.Trim().ToLowerInvariant()));
    }

    [Fact]
    public async Task SignIn_ReturnUrlElsewhere_StaysOnThisSite()
    {
        // Arrange
        var email = await app.AddUserAsync(Roles.Reader);
        using var client = app.Anonymous();
        var page = await client.GetDocumentAsync("/Account/SignIn?returnUrl=https%3A%2F%2Fevil.example%2F");

        // Act
        using var response = await client.SubmitAsync(page.Forms["sign-in"]!, new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });

        // Assert
        Assert.Equal("/", PathOf(response));
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSession()
    {
        // Arrange
        using var client = await app.SignInAsync(Roles.Editor);
        var page = await client.GetDocumentAsync($"/Claims/{app.Claims["policy-training"]}");
        var signOut = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.GetAttribute("action") == "/Account/SignOut");

        // Act
        using var response = await client.SubmitAsync(signOut);
        var after = await client.GetDocumentAsync($"/Claims/{app.Claims["policy-training"]}");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(after.Forms["tag-form"]);
        Assert.Contains("Sign in", after.GetElementById("account")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Where a response redirects to, as a path, whether the app wrote the address absolute or relative.</summary>
    private static string? PathOf(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static string TokenOf(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    private static Task<HttpResponseMessage> PostTagAsync(FormClient client, AngleSharp.Html.Dom.IHtmlDocument pageWithToken, long claimId) =>
        client.Http.PostAsync($"/Claims/{claimId}?handler=Tag", Form(TokenOf(pageWithToken),
            ("Input.Status", "Disputed"), ("Input.Note", "should not be saved"), ("Input.Revision", "0")));

    /// <summary>Everything a refused write must leave alone: every claim's review and the audit history.</summary>
    private async Task<string> StateAsync()
    {
        await using var db = app.CreateDbContext();
        var claims = await db.Claims.OrderBy(c => c.Id).Select(c => $"{c.Id} {c.Status} {c.ReviewNote} {c.Revision}").ToListAsync();
        return $"{string.Join("\n", claims)}\naudit {await db.AuditEntries.CountAsync()}\nreviews {await db.ContradictionReviews.CountAsync()}\nevidence {await db.ClaimEvidence.CountAsync()}";
    }

    private async Task<int> AccountCountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Users.CountAsync();
    }
}
