using PolicyTracker.Web.Cli;
using PolicyTracker.Web.Hosting;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);
}

var app = AppHost.BuildWebApp(args);
await app.RunAsync();
return 0;

/// <summary>The entry point; public so the tests can host the app.</summary>
public partial class Program;
