using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace PolicyTracker.BrowserTests.Infrastructure;

/// <summary>
/// The built app started as its own process on a free loopback port, over a fresh SQLite file seeded with the
/// shipped seed articles and one extra source whose text holds a script.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    public const string ScriptSourceName = "zz-script-in-text.txt";

    public const string ScriptSourceText =
        "Reader comments about Acme\n\nOne comment read: <script>alert(1)</script> and <img src=x onerror=alert(2)> which should show as text.\n"
        + "Acme does not sell your personal data.\n";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private RunningApp(string root, Process process, Uri baseAddress)
    {
        Root = root;
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Root { get; }

    public static async Task<RunningApp> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "policytracker-browser", Guid.NewGuid().ToString("N"));
        var seeds = Path.Combine(root, "seeds");
        Directory.CreateDirectory(seeds);
        foreach (var seed in Directory.GetFiles(Path.Combine(RepositoryRoot, "seeds")))
        {
            File.Copy(seed, Path.Combine(seeds, Path.GetFileName(seed)));
        }

        await File.WriteAllTextAsync(Path.Combine(seeds, ScriptSourceName), ScriptSourceText);

        var port = FreePort();
        var start = AppProcess(root);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");

        var process = Process.Start(start)!;
        var app = new RunningApp(root, process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => app.Log(e.Data);
        process.ErrorDataReceived += (_, e) => app.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync();
        return app;
    }

    /// <summary>The repository's root folder, found from the test's build output.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PolicyTracker.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("PolicyTracker.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    /// <summary>Adds an account the way an operator does, with the app's own <c>users add</c> command beside the running app.</summary>
    public Task AddUserAsync(string email, string role, string password) =>
        RunCommandAsync(password, "users", "add", email, "--role", role, "--password-stdin");

    /// <summary>
    /// Ingests a file with the app's own <c>ingest</c> command beside the running app; <paramref name="settings"/> are
    /// further <c>--Key=value</c> settings for that run, such as a suggestion threshold.
    /// </summary>
    public Task IngestAsync(string path, params string[] settings) => RunCommandAsync(null, ["ingest", path, .. settings]);

    /// <summary>The database file the running app uses.</summary>
    public string DatabasePath => Path.Combine(Root, "browser.db");

    private async Task RunCommandAsync(string? input, params string[] args)
    {
        var start = AppProcess(Root);
        start.RedirectStandardInput = true;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var command = Process.Start(start)!;
        if (input is not null)
        {
            await command.StandardInput.WriteLineAsync(input);
        }

        command.StandardInput.Close();
        var said = await command.StandardOutput.ReadToEndAsync() + await command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();
        if (command.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args.Take(2))} failed: {said}");
        }
    }

    /// <summary>The app's executable with this instance's database, data folder and seeds.</summary>
    private static ProcessStartInfo AppProcess(string root)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        start.ArgumentList.Add(AppDll());
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(root, "browser.db")}";
        start.Environment["Storage__DataDirectory"] = Path.Combine(root, "data");
        start.Environment["Seeds__Directory"] = Path.Combine(root, "seeds");

        // The pages a browser test asks the app to watch are served by the test on loopback.
        start.Environment["Fetch__AllowedHosts__0"] = "127.0.0.1";
        return start;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being flushed is not worth failing the run over; the folder is in temp.
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{Output()}");
            }

            try
            {
                using var response = await client.GetAsync(Url("/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still migrating or seeding.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not become healthy:\n{Output()}");
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The app's own build output, in the configuration these tests were built in.</summary>
    private static string AppDll()
    {
        var configuration = typeof(RunningApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var dll = Path.Combine(RepositoryRoot, "src", "PolicyTracker.Web", "bin", configuration, "net10.0", "PolicyTracker.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built", dll);
    }
}
