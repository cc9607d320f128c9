using Microsoft.Playwright;

namespace PolicyTracker.BrowserTests.Screens;

/// <summary>The sign-in form at <c>/Account/SignIn</c>.</summary>
public sealed class SignInScreen(IPage page)
{
    public async Task SignInAsync(string email, string password, string returnUrl = "/")
    {
        await page.GotoAsync($"/Account/SignIn?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#account")).ToContainTextAsync(email);
    }
}
