using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using PolicyTracker.Web.Security;

namespace PolicyTracker.Web.Pages.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(
    SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, DecoyPassword decoy, ILogger<SignInModel> logger) : PageModel
{
    /// <summary>
    /// The one answer to every refused sign-in: a wrong password, an unknown address and a locked account look the same,
    /// so the page does not tell anyone which addresses have an account.
    /// </summary>
    public const string Refused =
        "That email address and password do not match an account, or the account is locked after too many failed sign-ins. "
        + "A locked account opens again after 15 minutes, or when an admin unlocks it.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Error = "Enter your email address and password.";
            return Page();
        }

        // The user name is the email address; the lockout counts every failure, so guessing is slow.
        var email = Input.Email.Trim();
        var user = await users.FindByNameAsync(email);
        var lockedBefore = user is not null && await users.IsLockedOutAsync(user);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("{Email} signed in", email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        // A wrong password costs a hash check; an unknown or already locked account would cost none and answer faster,
        // so the password is checked against a decoy instead, and every refusal takes about as long as every other.
        if (user is null || lockedBefore)
        {
            decoy.Check(Input.Password);
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused for {Email}: locked out", email);
        }
        else
        {
            logger.LogWarning("Failed sign-in for {Email}", email);
        }

        Error = Refused;
        return Page();
    }

    public sealed class InputModel
    {
        [Required]
        [StringLength(256)]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required]
        [StringLength(1000)]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
