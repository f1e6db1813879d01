namespace Dray.Core.Promotions;

/// <summary>A Promotion that cannot be created as asked (no steps, missing task input, unknown Stage or Freight).</summary>
public sealed class PromotionRejectedException : Exception
{
    public PromotionRejectedException()
    {
    }

    public PromotionRejectedException(string message)
        : base(message)
    {
    }

    public PromotionRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
