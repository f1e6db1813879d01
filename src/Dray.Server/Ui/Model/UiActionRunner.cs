using Dray.Server.Actions;
using MudBlazor;

namespace Dray.Server.Ui.Model;

/// <summary>Runs a user action the same way everywhere: a confirmation dialog first, a snackbar with the result after.</summary>
public sealed class UiActionRunner(IDialogService dialogs, ISnackbar snackbar)
{
    /// <returns>The outcome, or null when the user cancelled.</returns>
    public async Task<ActionOutcome?> RunAsync(string title, string question, string confirmText, Func<Task<ActionOutcome>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var confirmed = await dialogs.ShowMessageBox(title, question, yesText: confirmText, cancelText: "Cancel").ConfigureAwait(true);
        if (confirmed != true)
        {
            return null;
        }

        var outcome = await action().ConfigureAwait(true);
        Report(outcome);
        return outcome;
    }

    public void Report(ActionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        snackbar.Add(outcome.Message, outcome.Succeeded ? Severity.Success : Severity.Error);
    }
}
