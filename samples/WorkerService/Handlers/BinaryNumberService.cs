using Wampy;

namespace WorkerService.Handlers;

/// <summary>wampy's example service: a number in binary.</summary>
public sealed class BinaryNumberService
{
    /// <summary><c>get_binary_number(100)</c> returns <c>"0b1100100"</c>.</summary>
    [WampProcedure("get_binary_number")]
    public string GetBinaryNumber(int number) => "0b" + Convert.ToString(number, 2);
}
