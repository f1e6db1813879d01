using Spectre.Console;

namespace Dray.Cli.Infrastructure;

/// <summary>Reads a secret from the terminal without echoing it.</summary>
internal static class PasswordPrompt
{
    public static string Read(string prompt) =>
        AnsiConsole.Prompt(new TextPrompt<string>(prompt.TrimEnd()).Secret());
}
