namespace Dray.Core.Steps;

/// <summary>
/// Marks a step whose outputs, when it runs inside a PromotionTask, are also merged under the task's alias, so that
/// steps after the task read them as <c>outputs.&lt;taskAlias&gt;.&lt;key&gt;</c> (Kargo's TaskOutputPropagation).
/// </summary>
public interface ITaskOutputPropagation;
