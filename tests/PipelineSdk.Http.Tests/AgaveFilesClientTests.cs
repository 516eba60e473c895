using System.Net;
using PipelineSdk.Agave;
using PipelineSdk.Errors;
using PipelineSdk.Http.Tests.Fakes;
using PipelineSdk.Http.Tests.Support;

namespace PipelineSdk.Http.Tests;

public sealed class AgaveFilesClientTests
{
    private const string System = "data-sd2e-community";
    private const string ArchivePath = "/products/v2/106508441baa55c5a4815e945b19c065/VGydXB9zp3kbwq590GjZljPk/PAVpwrObxp5YjYRvrJOd5yVp";

    [Fact]
    public async Task MakeDirectory_CreatesTheFolderAndItsParents_WithAgavesRecursiveMkdir()
    {
        await using var host = await HttpTestHost.StartAsync();

        Assert.True(await host.Files.MakeDirectoryAsync(System, ArchivePath));

        Assert.True(host.Server.Exists(System, ArchivePath));
        var put = Assert.Single(host.Server.Requests, r => r.Method == "PUT");
        Assert.Equal($"/files/v2/media/system/{System}", put.RawTarget);
        Assert.Equal($$"""{"action":"mkdir","path":"{{ArchivePath}}"}""", put.Body);
    }

    [Fact]
    public async Task MakeDirectory_OfAnExistingFolder_SendsNoMkdir()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.AddFolder(System, ArchivePath);

        Assert.False(await host.Files.MakeDirectoryAsync(System, ArchivePath));

        Assert.DoesNotContain(host.Server.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Delete_RemovesTheFolderAndWhatIsInIt_AndReportsAMissingOne()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.AddFile(System, ArchivePath + "/out/a.csv", 10);

        Assert.True(await host.Files.DeleteAsync(System, ArchivePath));
        Assert.False(await host.Files.DeleteAsync(System, ArchivePath));

        Assert.False(host.Server.Exists(System, ArchivePath + "/out/a.csv"));
        Assert.False(host.Server.Exists(System, ArchivePath));
        Assert.True(host.Server.Exists(System, "/products/v2"));
        Assert.Equal($"/files/v2/media/system/{System}{ArchivePath}", host.Server.Requests[0].RawTarget);
    }

    [Fact]
    public async Task Exists_IsTrueForFilesAndFolders_AndFalseOn404()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.AddFile(System, ArchivePath + "/a.txt", 3);

        Assert.True(await host.Files.ExistsAsync(System, ArchivePath));
        Assert.True(await host.Files.ExistsAsync(System, ArchivePath + "/a.txt"));
        Assert.False(await host.Files.ExistsAsync(System, ArchivePath + "/b.txt"));
    }

    [Fact]
    public async Task List_WalksSubFoldersPageByPage_AndReturnsFilesOnly()
    {
        await using var host = await HttpTestHost.StartAsync(o => o.ListingPageSize = 2);
        string[] files =
        [
            ArchivePath + "/a.txt", ArchivePath + "/b.txt", ArchivePath + "/c.txt",
            ArchivePath + "/sub/d.csv", ArchivePath + "/sub/deeper/e.json", ArchivePath + "/sub/deeper/f.json",
        ];
        for (var i = 0; i < files.Length; i++)
        {
            host.Server.AddFile(System, files[i], 100 + i);
        }

        host.Server.AddFolder(System, ArchivePath + "/empty");

        var listed = await host.Files.ListAsync(System, ArchivePath, recursive: true);

        Assert.Equal(files, listed.Select(f => f.Path));
        Assert.Equal([100L, 101, 102, 103, 104, 105], listed.Select(f => f.Length));
        // Top folder: ".", a, b, c, empty, sub = 6 entries in pages of 2, then an empty page.
        var topPages = host.Server.Requests.Where(r => r.Path == $"/files/v2/listings/system/{System}{ArchivePath}").Select(r => r.Query);
        Assert.Equal(["limit=2&offset=0", "limit=2&offset=2", "limit=2&offset=4", "limit=2&offset=6"], topPages);
    }

    [Fact]
    public async Task List_WithoutRecursion_ReturnsTheFilesOfTheFolderOnly()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.AddFile(System, ArchivePath + "/a.txt", 1);
        host.Server.AddFile(System, ArchivePath + "/sub/b.txt", 2);

        var listed = await host.Files.ListAsync(System, ArchivePath, recursive: false);

        Assert.Equal([new AgaveFile(ArchivePath + "/a.txt", 1)], listed);
    }

    [Fact]
    public async Task List_OfAFile_ReturnsThatFile()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.AddFile(System, ArchivePath + "/a.txt", 7);

        Assert.Equal([new AgaveFile(ArchivePath + "/a.txt", 7)], await host.Files.ListAsync(System, ArchivePath + "/a.txt", recursive: true));
    }

    [Fact]
    public async Task List_OfAMissingPath_ThrowsWithThe404()
    {
        await using var host = await HttpTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<AgaveApiException>(() => host.Files.ListAsync(System, ArchivePath, recursive: true));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("File/folder does not exist", error.Message);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task FilesCalls_UseTheSameRetryPolicy()
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.AddFolder(System, ArchivePath);
        host.Server.Script(ScriptedResponse.Fail(502), ScriptedResponse.Reset());

        Assert.True(await host.Files.DeleteAsync(System, ArchivePath));

        Assert.Equal(3, host.Server.Requests.Count);
    }

    [Theory]
    [InlineData("/products/v2/../etc/passwd")]
    [InlineData("/products/v2/a/../../etc")]
    [InlineData("/products/v2/%2e%2e/x")]
    [InlineData("/products/v2/%2E%2E%2F%2E%2E%2Fetc")]
    [InlineData("/products/v2/%252e%252e/%252e%252e/etc")]
    [InlineData("/products/v2/..%2f..%2fetc")]
    [InlineData("//products//v2/../../etc")]
    [InlineData("/products/v2")]
    [InlineData("/products/v2/")]
    [InlineData("/products/v2/.")]
    [InlineData("/products/v2evil/x")]
    [InlineData("/products")]
    [InlineData("/")]
    [InlineData("products/v2/x")]
    [InlineData("/products/v2/a\\..\\..\\etc")]
    [InlineData("/products/v2/a\u0000b")]
    [InlineData("/../products/v2/x")]
    [InlineData("/products/v2/%25252e%25252e")]
    [InlineData("")]
    public async Task MutatingCalls_RefuseAPathThatIsNotBelowAnAllowedRoot_AndSendNothing(string path)
    {
        await using var host = await HttpTestHost.StartAsync();

        var mkdir = await Assert.ThrowsAsync<PipelineJobValidationException>(() => host.Files.MakeDirectoryAsync(System, path));
        var delete = await Assert.ThrowsAsync<PipelineJobValidationException>(() => host.Files.DeleteAsync(System, path));

        Assert.StartsWith("path:", mkdir.Message);
        Assert.StartsWith("path:", delete.Message);
        if (path.Length > 0 && !path.Contains('\0'))
        {
            Assert.Contains($"'{path}'", delete.Message);
        }

        Assert.Empty(host.Server.Requests);
    }

    [Theory]
    [InlineData("/products//v2/./x/../run-1", "/products/v2/run-1")]
    [InlineData("/products/v2/a%20b", "/products/v2/a b")]
    [InlineData("/products/v2/x/", "/products/v2/x")]
    public async Task MutatingCalls_SendTheNormalisedPath(string path, string expected)
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.AddFolder(System, expected);

        Assert.True(await host.Files.DeleteAsync(System, path));

        Assert.False(host.Server.Exists(System, expected));
        Assert.Equal($"/files/v2/media/system/{System}{expected.Replace(" ", "%20")}", Assert.Single(host.Server.Requests).RawTarget);
    }

    [Fact]
    public async Task AllowedRoots_CanBeReplaced()
    {
        await using var host = await HttpTestHost.StartAsync(o =>
        {
            o.AllowedRoots.Clear();
            o.AllowedRoots.Add("/sample/tacc-cloud/");
        });
        host.Server.AddFolder(System, "/sample/tacc-cloud/x");

        Assert.True(await host.Files.DeleteAsync(System, "/sample/tacc-cloud/x"));
        var refused = await Assert.ThrowsAsync<PipelineJobValidationException>(() => host.Files.DeleteAsync(System, ArchivePath));

        Assert.Contains("(/sample/tacc-cloud)", refused.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    public async Task ASystemIdThatIsNotOne_IsRefused(string system)
    {
        await using var host = await HttpTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<PipelineJobValidationException>(() => host.Files.ListAsync(system, ArchivePath, recursive: false));

        Assert.StartsWith("system:", error.Message);
        Assert.Empty(host.Server.Requests);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/../../etc")]
    public async Task List_RefusesAnEntryNameThatIsNotOneSegment(string name)
    {
        await using var host = await HttpTestHost.StartAsync();
        host.Server.Script(new ScriptedResponse(200, $$"""{"status":"success","result":[{"name":"{{name}}","type":"file","length":1}]}"""));

        var error = await Assert.ThrowsAsync<AgaveApiException>(() => host.Files.ListAsync(System, ArchivePath, recursive: true));

        Assert.Contains($"('{name}')", error.Message);
    }
}
