namespace PolicyTracker.Web.Tests.Infrastructure;

/// <summary>
/// A stand-in for Chromium (<c>Reports:ChromiumPath</c>) that prints nothing: it marks that a print started and waits
/// until the test releases it (then fails, as a browser that wrote no PDF) or the app stops it.
/// </summary>
public sealed class FakeBrowser
{
    private readonly string started;
    private readonly string release;

    public FakeBrowser(string folder)
    {
        Path = System.IO.Path.Combine(folder, "fake-chromium");
        started = System.IO.Path.Combine(folder, "fake-chromium.started");
        release = System.IO.Path.Combine(folder, "fake-chromium.release");
        File.WriteAllText(Path, $"#!/bin/sh\ntouch '{started}'\nwhile [ ! -e '{release}' ]; do sleep 0.1; done\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path { get; }

    public async Task WaitUntilPrintingAsync()
    {
        for (var i = 0; i < 300 && !File.Exists(started); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(started), "the print did not start");
    }

    public void FinishPrinting() => File.WriteAllText(release, "");
}
