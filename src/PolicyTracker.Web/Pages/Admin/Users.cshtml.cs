using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PolicyTracker.Web.Security;

namespace PolicyTracker.Web.Pages.Admin;

/// <summary>Accounts and their roles; the whole /Admin folder is for admins only (see the page conventions).</summary>
public sealed class UsersModel(UserAdministration accounts) : PageModel
{
    [BindProperty]
    public NewUserInput NewUser { get; set; } = new();

    public IReadOnlyList<UserAccount> Accounts { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await accounts.ListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = ModelState.IsValid
            ? await accounts.AddAsync(NewUser.Email, NewUser.Role, NewUser.Password, User.ActorName(), ct)
            : AccountResult.Refused([.. ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)]);
        return await AfterAsync(result, $"Added {NewUser.Email} as {Roles.Find(NewUser.Role)}.", ct);
    }

    public async Task<IActionResult> OnPostRoleAsync(string email, string role, CancellationToken ct) =>
        await AfterAsync(await accounts.SetRoleAsync(email, role, User.ActorName(), ct), $"{email} is now {Roles.Find(role)}.", ct);

    public async Task<IActionResult> OnPostUnlockAsync(string email, CancellationToken ct) =>
        await AfterAsync(await accounts.UnlockAsync(email, User.ActorName(), ct), $"Unlocked {email}.", ct);

    private async Task<IActionResult> AfterAsync(AccountResult result, string done, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return RedirectToPage();
        }

        Errors = result.Errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        NewUser.Password = "";
        Accounts = await accounts.ListAsync(ct);
        return Page();
    }

    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "Enter the new account's email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address.")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required]
        public string Role { get; set; } = Roles.Reader;

        [Required(ErrorMessage = "Enter a password of at least 12 characters.")]
        [StringLength(1000)]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
