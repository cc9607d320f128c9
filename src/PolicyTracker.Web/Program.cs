using PolicyTracker.Web.Cli;
using PolicyTracker.Web.Hosting;

if (CommandLine.IsCommand(args))
{
    // Ctrl+C cancels the command; an ingest under way rolls back its current file.
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };
    return await CommandLine.RunAsync(args, Console.Out, Console.Error, cancel.Token);
}

var app = AppHost.BuildWebApp(args);
await app.RunAsync();
return 0;

/// <summary>The entry point; public so the tests can host the app.</summary>
public partial class Program;
