using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Editing;

/// <summary>The <c>users</c> command, which makes the first admin, and the setting that closes reading to strangers.</summary>
public sealed class AccountSetupTests
{
    [Fact]
    public async Task UsersAdd_PasswordFromStandardInput_CreatesAnAdminWhoCanSignIn()
    {
        // Arrange
        using var app = new TestApp();

        // Act
        var result = await app.RunCliWithInputAsync(TestApp.Password + "\n", "users", "add", "first@example.org", "--role", "admin", "--password-stdin");
        var listed = await app.RunCliAsync("users", "list");

        // Assert
        Assert.Equal((0, "added first@example.org as Admin"), (result.ExitCode, result.Output.Trim()));
        Assert.Equal("first@example.org\tAdmin", listed.Output.Trim());
        using var client = await app.SignInAsync(Roles.Admin, "first@example.org");
        Assert.Contains("first@example.org", (await client.GetDocumentAsync("/Admin/Users")).GetElementById("accounts")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", new[] { "users", "add", "a@example.org", "--role", "Admin" }, "--password-stdin")]
    [InlineData("", new[] { "users", "add", "a@example.org", "--role", "Boss", "--password-stdin" }, "unknown role 'Boss'")]
    [InlineData("", new[] { "users", "add", "a@example.org", "--role", "Admin", "--password-stdin" }, "no password on standard input")]
    [InlineData("short\n", new[] { "users", "add", "a@example.org", "--role", "Admin", "--password-stdin" }, "at least 12 characters")]
    [InlineData("a long enough password\n", new[] { "users", "add", "not-an-email", "--role", "Admin", "--password-stdin" }, "is not an email address")]
    [InlineData("", new[] { "users", "set-role", "nobody@example.org", "--role", "Editor" }, "there is no account")]
    public async Task Users_BadRequest_RefusedWithReasonAndNoAccountMade(string input, string[] args, string reason)
    {
        // Arrange
        using var app = new TestApp();
        _ = app.Factory.Services;

        // Act
        var result = await app.RunCliWithInputAsync(input, args);

        // Assert
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task UsersSetRole_LastAdmin_Refused()
    {
        // Arrange
        using var app = new TestApp();
        await app.RunCliWithInputAsync(TestApp.Password, "users", "add", "only@example.org", "--role", "Admin", "--password-stdin");

        // Act
        var demote = await app.RunCliAsync("users", "set-role", "only@example.org", "--role", "Reader");
        await app.RunCliWithInputAsync(TestApp.Password, "users", "add", "second@example.org", "--role", "Admin", "--password-stdin");
        var demoteWithAnother = await app.RunCliAsync("users", "set-role", "only@example.org", "--role", "Reader");

        // Assert
        Assert.Equal(1, demote.ExitCode);
        Assert.Contains("only admin", demote.Error, StringComparison.Ordinal);
        Assert.Equal(0, demoteWithAnother.ExitCode);
        Assert.Contains("only@example.org\tReader", (await app.RunCliAsync("users", "list")).Output, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(
            ["UserAdded", "UserAdded", "UserRoleChanged"],
            await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action.ToString()).ToListAsync());
    }

    [Fact]
    public async Task RequireSignInToRead_On_StrangersAreSentToSignInAndReadersRead()
    {
        // Arrange
        using var app = new ClosedApp();
        using var stranger = new FormClient(app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

        // Act
        using var overview = await stranger.Http.GetAsync("/");
        using var api = await stranger.Http.GetAsync("/api/claims");
        using var signInPage = await stranger.Http.GetAsync("/Account/SignIn");
        using var stylesheet = await stranger.Http.GetAsync("/css/site.css");
        using var reader = await app.SignInAsync(Roles.Reader);
        using var readerApi = await reader.Http.GetAsync("/api/claims");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
        Assert.Contains("/Account/SignIn", overview.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.NotNull((await reader.GetDocumentAsync("/Claims")).GetElementById("result-count"));
        Assert.Equal(HttpStatusCode.OK, readerApi.StatusCode);
    }

    [Fact]
    public async Task RequireSignInToRead_Off_StrangersReadButCannotWrite()
    {
        // Arrange
        using var app = new TestApp();
        using var stranger = app.Anonymous();

        // Act
        using var overview = await stranger.Http.GetAsync("/");
        using var api = await stranger.Http.GetAsync("/api/claims");

        // Assert
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    /// <summary>The app with <c>Security:RequireSignInToRead</c> set.</summary>
    private sealed class ClosedApp : TestApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Security:RequireSignInToRead", "true")];
    }
}
