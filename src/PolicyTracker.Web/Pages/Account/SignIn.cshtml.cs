using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PolicyTracker.Web.Pages.Account;

public sealed class SignInModel(SignInManager<IdentityUser> signIn, ILogger<SignInModel> logger) : PageModel
{
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
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("{Email} signed in", Input.Email);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused for {Email}: locked out", Input.Email);
            Error = "This account is locked after too many failed sign-ins. Try again in 15 minutes, or ask an admin to unlock it.";
        }
        else
        {
            // The same words whether the account exists or not, so the page does not tell which addresses have one.
            logger.LogWarning("Failed sign-in for {Email}", Input.Email);
            Error = "That email address and password do not match an account.";
        }

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
