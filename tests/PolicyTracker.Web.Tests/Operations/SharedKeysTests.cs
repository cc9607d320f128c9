using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Testing;
using PolicyTracker.Web.Security;
using PolicyTracker.Web.Tests.Infrastructure;

namespace PolicyTracker.Web.Tests.Operations;

/// <summary>
/// Two instances on one database, as behind a proxy without sticky sessions: the sign-in form one serves is accepted
/// by the other, and the cookie the other sets is read by the first, because the keys that protect both are kept in
/// the database.
/// </summary>
public sealed class SharedKeysTests : IDisposable
{
    private readonly TestApp app = new();

    [Fact]
    public async Task SignIn_FormFromOneInstancePostedToAnother_SignsInAndTheFirstReadsTheCookie()
    {
        // Arrange
        var email = await app.AddUserAsync(Roles.Admin);
        using var second = app.CreateInstance();
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        using var first = app.Factory.CreateClient(options);
        using var other = second.CreateClient(options);
        using var page = await first.GetAsync("/Account/SignIn");
        var form = (await FormClient.ParseAsync(page)).Forms["sign-in"]!;
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { Length: > 0 })
            .ToDictionary(i => i.Name!, i => i.Value);
        fields["Input.Email"] = email;
        fields["Input.Password"] = TestApp.Password;

        // Act: the form (and its antiforgery cookie) from the first instance, posted to the second.
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", Cookies(page));
        using var signedIn = await other.SendAsync(post);

        // Assert: the second instance signed the account in; its cookie opens an admin page on the first.
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var admin = new HttpRequestMessage(HttpMethod.Get, "/Admin/Users");
        admin.Headers.Add("Cookie", Cookies(signedIn));
        using var users = await first.SendAsync(admin);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Contains(email, await users.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // and the key ring is the database's, not a folder that only instances on one machine would share.
        await using var db = app.CreateDbContext();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
    }

    public void Dispose() => app.Dispose();

    // The name=value pairs a response sets, as a browser sends them back.
    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0])
            : []);
}
