using Microsoft.Extensions.Options;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Hosting;

namespace PolicyTracker.Web.Cli;

/// <summary>
/// The app's commands. Each builds the same host as the web app (configuration, services, logging)
/// without starting the web server, runs, and returns its exit code.
/// </summary>
public static class CommandLine
{
    public const int Success = 0;

    public const int Failure = 1;

    public const int UsageError = 2;

    public const string Usage = """
        Usage: PolicyTracker.Web [COMMAND] [OPTIONS] [--Key=value ...]

        Without a command, starts the web app.

        Commands:
          ingest PATH... [--source NAME] [--observed YYYY-MM-DD]
                                            Ingest files and folders (folders recursively, .txt .text .md
                                            .markdown .html .htm only). Prints one line per file; exits 1
                                            when any file was refused or failed. Each file is a version of
                                            the source its file name names, or of NAME with --source;
                                            --observed dates it (default: now). Versions may arrive in any
                                            order: they are ordered by date, the latest is current.
          export [--format FORMAT] [--out FILE] [--subject S] [--topic T] [--status S] [--kind K]
                                            Export to standard output, or to FILE with --out. Formats:
                                              json         sources, claims, contradictions, corroborations
                                              csv          one row per claim (RFC 4180, UTF-8 with BOM)
                                              md, html     the comparison report (summary, a table per
                                                           subject, contradictions, verdicts, sources)
                                              claimreview  schema.org ClaimReview JSON-LD for every
                                                           claim with a verdict
                                              pdf          the HTML report printed by Chromium (needs --out)
                                            Filters keep claims whose subject, topic, status (Unreviewed,
                                            Verified, Contradicted, Disputed, NotApplicable) and source kind
                                            (OfficialPolicy, Article, Guide) are among those given; each is
                                            repeatable and takes comma-separated values.
          eval --gold FILE [--sources DIR] [--verbose] [--vetoes]
                                            Score the extractor against a gold file, reading the documents
                                            it names from DIR (default: the seeds shipped with the app).
                                            --verbose also lists spurious and missed claims.
          watch URL [--every INTERVAL] [--source NAME]
                                            Fetch an http or https address now and then every INTERVAL
                                            (30m, 12h, 1d, 2w; default 1d, at least 15m) as a version of
                                            the source NAME (default: the address's host and path). Prints
                                            the result as ingest does; exits 1 when the page was refused.
          watch --list                      List watched sources: address, interval, last fetch and its
                                            status or error, next fetch.
          unwatch NAME                      Stop fetching a source; its versions stay.
          refresh [NAME]                    Fetch one watched source, or all, now.
          users add EMAIL --role ROLE --password-stdin
                                            Add an account with the role Reader, Editor or Admin; the
                                            password is read from standard input. The first admin is made
                                            this way: the app ships no account.
          users set-role EMAIL --role ROLE  Give an account another role.
          users unlock EMAIL                Lift a lockout after repeated failed sign-ins.
          users list                        List accounts with their roles.
          help                              Show this text.

        Configuration is the web app's: appsettings.json, environment variables, and --Key=value
        arguments, e.g. --ConnectionStrings:Default="Data Source=/tmp/p.db" or --Ingest:MaxFileBytes=1000000.

        Exit codes: 0 success, 1 a file or page was refused or failed, 2 bad arguments or configuration.
        """;

    private static readonly HashSet<string> HelpWords = ["help", "--help", "-h", "-?"];

    private static readonly HashSet<string> Commands = ["ingest", "export", "eval", "watch", "unwatch", "refresh", "users"];

    /// <summary>True when <paramref name="args"/> ask for a command rather than the web app.</summary>
    public static bool IsCommand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && (Commands.Contains(args[0]) || HelpWords.Contains(args[0]));
    }

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default) =>
        RunAsync(args, Console.In, output, error, ct);

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (args.Length == 0 || HelpWords.Contains(args[0]))
        {
            await output.WriteLineAsync(Usage);
            return Success;
        }

        ICommand? command = args[0] switch
        {
            "ingest" => new IngestCommand(),
            "export" => new ExportCommand(),
            "eval" => new EvalCommand(),
            "watch" => new WatchCommand(),
            "unwatch" => new UnwatchCommand(),
            "refresh" => new RefreshCommand(),
            "users" => new UsersCommand(input),
            _ => null,
        };
        if (command is null)
        {
            await error.WriteLineAsync($"unknown command '{args[0]}'; run 'help' for usage");
            return UsageError;
        }

        var parsed = CommandArguments.Parse(args, command.ValueOptions, command.Flags);
        var problem = parsed.Error ?? command.Check(parsed);
        if (problem is not null)
        {
            await error.WriteLineAsync($"{parsed.Name}: {problem}");
            await error.WriteLineAsync("run 'help' for usage");
            return UsageError;
        }

        var builder = AppHost.CreateBuilder(
            new WebApplicationOptions { Args = [.. parsed.HostArgs], ContentRootPath = AppHost.ContentRoot },
            forCommand: true);
        await using var app = builder.Build();
        try
        {
            // The host is never started, so the options checks that start-up would run are run here.
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"configuration error: {ex.Message}");
            return UsageError;
        }

        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            if (command.NeedsDatabase)
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            }

            return await command.RunAsync(parsed, scope.ServiceProvider, output, error, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await error.WriteLineAsync($"{parsed.Name} cancelled");
            return Failure;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A person running a command wants the reason on one line; the log file keeps the stack trace.
            scope.ServiceProvider.GetRequiredService<ILogger<ICommand>>().LogError(ex, "Command {Command} failed", parsed.Name);
            await error.WriteLineAsync($"{parsed.Name} failed: {ex.Message}");
            return Failure;
        }
    }
}

/// <summary>One command: what it accepts, and what it does.</summary>
internal interface ICommand
{
    IReadOnlySet<string> ValueOptions { get; }

    IReadOnlySet<string> Flags { get; }

    bool NeedsDatabase { get; }

    /// <summary>What is wrong with the arguments, or null when the command can run.</summary>
    string? Check(CommandArguments args);

    Task<int> RunAsync(CommandArguments args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken ct);
}
