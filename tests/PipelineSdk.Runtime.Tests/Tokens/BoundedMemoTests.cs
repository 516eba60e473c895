using PipelineSdk.Tokens;

namespace PipelineSdk.Runtime.Tests.Tokens;

public sealed class BoundedMemoTests
{
    [Fact]
    public void Remembers_up_to_its_capacity_then_starts_over_with_the_new_entry()
    {
        var memo = new BoundedMemo<int>(capacity: 3);
        memo.Remember("a", 1);
        memo.Remember("b", 2);
        memo.Remember("c", 3);

        Assert.True(memo.TryGet("a", out var a) && a == 1);
        Assert.True(memo.TryGet("c", out var c) && c == 3);

        memo.Remember("d", 4);

        Assert.False(memo.TryGet("a", out _));
        Assert.False(memo.TryGet("c", out _));
        Assert.True(memo.TryGet("d", out var d) && d == 4);
        memo.Remember("e", 5);
        memo.Remember("f", 6);
        Assert.True(memo.TryGet("d", out _) && memo.TryGet("f", out _));
    }
}
