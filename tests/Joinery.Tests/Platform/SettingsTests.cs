using System.Diagnostics;

namespace Joinery.Tests.Platform;

/// <summary>
/// A bad setting stops the web app before it serves anything, with one line on stderr that names
/// the key and what it may hold, and no stack trace. The app runs as its own process, as an operator starts it.
/// </summary>
public class SettingsTests
{
    [Theory]
    [InlineData("--Auth:IdleTimeoutMinutes=0", "Auth:IdleTimeoutMinutes must be a whole number of minutes from 1 to 1440.")]
    [InlineData("--Auth:AbsoluteSessionHours=soon", "Auth:AbsoluteSessionHours must be a whole number, not 'soon'.")]
    [InlineData("--RateLimits:ApiPerMinute=0", "RateLimits:ApiPerMinute must be a whole number from 1 to 1000000.")]
    [InlineData("--Smtp:Port=70000", "Smtp:Port must be a whole number from 1 to 65535.")]
    [InlineData("--Smtp:Tls=Sometimes", "Smtp:Tls must be None, StartTls or Tls.")]
    [InlineData("--Smtp:From=nobody", "Smtp:From must be an e-mail address such as joinery@example.org.")]
    [InlineData("--Site:PublicUrl=ftp://joinery.example.org", "Site:PublicUrl must be an absolute http or https address such as https://joinery.example.org, not 'ftp://joinery.example.org'.")]
    [InlineData("--Proxy:KnownNetworks:0=10.0.0.0/99", "Proxy:KnownNetworks must hold CIDR ranges such as 10.0.0.0/8, not '10.0.0.0/99'.")]
    [InlineData("--Uploads:MaxDocumentMegabytes=11", "Uploads:MaxDocumentMegabytes must be a whole number from 1 to 10.")]
    [InlineData("--Database:Provider=Oracle", "Database:Provider must be Sqlite or Postgres, not 'Oracle'.")]
    public async Task A_bad_setting_stops_the_web_app_with_one_line_naming_the_key(string setting, string expected)
    {
        var (exitCode, output, error) = await RunWebAppAsync(setting);

        exitCode.ShouldBe(2, $"stdout: {output}\nstderr: {error}");
        error.TrimEnd().ShouldBe($"error: {expected}");
        output.ShouldNotContain(" at ");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunWebAppAsync(string setting)
    {
        var folder = Directory.CreateTempSubdirectory("joinery-settings-");
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = folder.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                Path.Combine(AppContext.BaseDirectory, "Joinery.Web.dll"), "--urls", "http://127.0.0.1:0",
                $"--ConnectionStrings:Joinery=Data Source={Path.Combine(folder.FullName, "joinery.db")}", setting,
            })
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The app did not stop on {setting}: {await output}");
            }
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
