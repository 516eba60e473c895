using PipelineSdk.Identifiers;

namespace PipelineSdk.Tests.Identifiers;

public class NameBasedUuidTests
{
    // Computed with /usr/bin/python3 (3.11): uuid.uuid3(ns, name), uuid.uuid5(ns, name) for the DNS, URL and catalog
    // namespaces. The first row is the example of Python's uuid documentation.
    [Theory]
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org", "6fa459ea-ee8a-3ca4-894e-db77e160355e", "886313e1-3b8a-5372-9b90-0c9aee199e5d")]
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "", "c87ee674-4ddc-3efe-a74e-dfe25da5d7b3", "4ebd0208-8328-5d69-8c44-ec50939c0967")]
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "caf\u00E9 \U0001F600", "17407e1c-83e7-3f86-8db9-1a5ac787e099", "ab668eaf-58f4-5bf6-9fe7-5ab5c8437c3a")]
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "sd2e.org", "54765aeb-44ca-374a-9a9f-eb4658383ee4", "aab55ca7-210e-5f44-b980-2f322588c0ba")]
    [InlineData("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "python.org", "22fe6191-c161-3d86-a432-a81f343eda08", "7af94e2b-4dd9-50f0-9c9a-8a48519bdef0")]
    [InlineData("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "", "14cdb9b4-de01-3faa-aff5-65bc2f771745", "1b4db7eb-4057-5ddf-91e0-36dec72071f5")]
    [InlineData("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "caf\u00E9 \U0001F600", "a17338dd-8d7c-3765-8f59-2fd8f039904c", "a1e38d3e-6caf-510b-952b-230066e93d47")]
    [InlineData("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "sd2e.org", "8c84e2d0-53e5-3b58-867a-b3c49445b48c", "2142c6a9-c758-5cca-bef5-65c30211dca9")]
    [InlineData("54765aeb-44ca-374a-9a9f-eb4658383ee4", "python.org", "ee8c08b1-46a7-3f61-99bf-94c8f2de90d2", "7dc05c55-464e-5251-bc9b-5ad1276228f3")]
    [InlineData("54765aeb-44ca-374a-9a9f-eb4658383ee4", "", "0ed64860-bf31-30c4-9f75-8490538e6409", "ebc1a831-ce4e-56c7-954b-43d740ea56f4")]
    [InlineData("54765aeb-44ca-374a-9a9f-eb4658383ee4", "caf\u00E9 \U0001F600", "5c793a44-d823-3361-b10c-de3b33227a8c", "34b2c9c5-68c6-5f71-b003-c27bb3c0bf4e")]
    [InlineData("54765aeb-44ca-374a-9a9f-eb4658383ee4", "sd2e.org", "9beee6f2-825e-374b-bad3-6da3a10c445e", "d7fb778e-4f87-5e44-bf31-12694f76819d")]
    public void Matches_python_uuid3_and_uuid5(string namespaceId, string name, string expectedV3, string expectedV5)
    {
        Assert.Equal(expectedV3, NameBasedUuid.Version3(new Guid(namespaceId), name).ToString());
        Assert.Equal(expectedV5, NameBasedUuid.Version5(new Guid(namespaceId), name).ToString());
    }
}
