using PolicyTracker.Web.Security;

namespace PolicyTracker.Web.Cli;

/// <summary>
/// <c>users add EMAIL --role ROLE --password-stdin</c>, <c>users set-role EMAIL --role ROLE</c>,
/// <c>users unlock EMAIL</c>, <c>users list</c>. The first admin can only come from here: the app ships no
/// account and no default password. A password is read from standard input only, never from the command line,
/// where it would stay in the shell's history and be visible to other users in the process list.
/// </summary>
internal sealed class UsersCommand(TextReader input) : ICommand
{
    private const string Add = "add";
    private const string SetRole = "set-role";
    private const string Unlock = "unlock";
    private const string List = "list";

    public IReadOnlySet<string> ValueOptions { get; } = new HashSet<string> { "--role" };

    public IReadOnlySet<string> Flags { get; } = new HashSet<string> { "--password-stdin" };

    public bool NeedsDatabase => true;

    public string? Check(CommandArguments args)
    {
        var verb = args.Positional.FirstOrDefault();
        var operands = args.Positional.Count - 1;
        return verb switch
        {
            null => "say what to do: add, set-role, unlock or list",
            Add when operands != 1 => "add needs one email address",
            Add when !args.Has("--role") => "add needs --role (Reader, Editor or Admin)",
            Add when !args.Has("--password-stdin") => "add reads the password from standard input: pass --password-stdin",
            SetRole when operands != 1 || !args.Has("--role") => "set-role needs one email address and --role",
            Unlock when operands != 1 => "unlock needs one email address",
            List when operands != 0 => "list takes no arguments",
            Add or SetRole or Unlock or List => Roles.Find(args.Value("--role") ?? Roles.Reader) is null
                ? $"unknown role '{args.Value("--role")}'; the roles are {string.Join(", ", Roles.All)}"
                : null,
            _ => $"unknown users command '{verb}'; use add, set-role, unlock or list",
        };
    }

    public async Task<int> RunAsync(CommandArguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var accounts = services.GetRequiredService<UserAdministration>();
        var actor = $"{Environment.UserName} (command line)";
        var email = args.Positional.Skip(1).FirstOrDefault() ?? "";
        AccountResult result;
        switch (args.Positional[0])
        {
            case List:
                foreach (var account in await accounts.ListAsync(ct))
                {
                    var locked = account.LockedUntil is { } until ? $"  locked until {until:u}" : "";
                    await output.WriteLineAsync($"{account.Email}\t{account.Role}{locked}");
                }

                return CommandLine.Success;
            case Add:
                var password = await input.ReadLineAsync(ct);
                if (string.IsNullOrEmpty(password))
                {
                    await error.WriteLineAsync("users: no password on standard input");
                    return CommandLine.Failure;
                }

                result = await accounts.AddAsync(email, args.Value("--role")!, password, actor, ct);
                break;
            case SetRole:
                result = await accounts.SetRoleAsync(email, args.Value("--role")!, actor, ct);
                break;
            default:
                result = await accounts.UnlockAsync(email, actor, ct);
                break;
        }

        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"users {args.Positional[0]} {email}: {string.Join(" ", result.Errors)}");
            return CommandLine.Failure;
        }

        await output.WriteLineAsync(args.Positional[0] switch
        {
            Add => $"added {email} as {Roles.Find(args.Value("--role"))}",
            SetRole => $"{email} is now {Roles.Find(args.Value("--role"))}",
            _ => $"unlocked {email}",
        });
        return CommandLine.Success;
    }
}
