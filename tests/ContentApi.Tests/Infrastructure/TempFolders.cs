namespace ContentApi.Tests.Infrastructure;

/// <summary>Temporary folders the tests make (plugin folders, feeds, publish outputs) and remove when they end.</summary>
public static class TempFolders
{
    /// <summary>A new, unique folder path under the system's temp folder, in a subfolder named for what it holds.</summary>
    public static string NewPath(string purpose) => Path.Combine(Path.GetTempPath(), purpose, Guid.NewGuid().ToString("N"));

    /// <summary>Removes a folder and everything in it, if it is there; what cannot be removed yet is left to the OS.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A plugin assembly may still be mapped by its load context, or a child process may still hold a file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
