using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Headroom.Importing;

namespace Headroom.Web.Importing;

// Uploaded files kept between the preview (a dry run) and Apply, so that nobody uploads twice.
// Each upload is a folder named by a random 128-bit id inside a private folder (0700); the
// organization and member it belongs to are stored beside the file and checked on every read,
// and an id that is not exactly 32 hex digits is never turned into a path. The file is deleted
// once Apply has run; everything of an upload is deleted once it is older than the expiry.
public sealed partial class ImportUploads : IDisposable
{
    private const string InfoName = "upload.json";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly ImportOptions _options;
    private readonly TimeProvider _clock;
    private readonly bool _ownsFolder;

    public ImportUploads(ImportOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        if (string.IsNullOrWhiteSpace(options.UploadFolder))
        {
            // Created with mode 0700 and a random name, so no other local user can plant files in it.
            Folder = Directory.CreateTempSubdirectory("headroom-imports-").FullName;
            _ownsFolder = true;
        }
        else
        {
            Folder = Path.GetFullPath(options.UploadFolder);
            CreatePrivateDirectory(Folder);
        }
    }

    public string Folder { get; }

    public static bool IsSupportedFile(string fileName) => DataImporter.IsSupportedFile(fileName);

    public async Task<ImportUpload> SaveAsync(
        Stream content, string fileName, long orgId, long memberId, ImportKind kind, ImportPreset preset, ImportEncoding encoding,
        CancellationToken cancellationToken)
    {
        if (!IsSupportedFile(fileName))
        {
            throw new ArgumentException("Only .csv, .tsv, .txt and .xlsx files can be imported.", nameof(fileName));
        }
        Sweep();
        var upload = new ImportUpload
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            OrgId = orgId,
            MemberId = memberId,
            Kind = kind,
            Preset = preset,
            Encoding = encoding,
            FileName = DisplayName(fileName),
            Extension = Path.GetExtension(fileName).ToLowerInvariant(),
            CreatedUtc = _clock.GetUtcNow().UtcDateTime,
        };
        CreatePrivateDirectory(Path.Combine(Folder, upload.Id));
        try
        {
            // The description first, so that the sweep can always tell the upload's age.
            await WriteAsync(upload, cancellationToken);
            await using var file = new FileStream(DataPath(upload), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await content.CopyToAsync(file, cancellationToken);
        }
        catch
        {
            Delete(upload.Id);
            throw;
        }
        return upload;
    }

    public string DataPath(ImportUpload upload) => Path.Combine(Folder, upload.Id, "upload" + upload.Extension);

    // The upload of this member of this organization, or null: an unknown, malformed, expired or
    // someone else's id all read alike.
    public ImportUpload? Find(string? id, long orgId, long memberId)
    {
        if (id is null || !IdPattern().IsMatch(id))
        {
            return null;
        }
        var upload = Read(id);
        if (upload is null || upload.OrgId != orgId || upload.MemberId != memberId)
        {
            return null;
        }
        if (IsExpired(upload))
        {
            Delete(id);
            return null;
        }
        return upload;
    }

    public bool HasFile(ImportUpload upload) => File.Exists(DataPath(upload));

    public Task SaveReportAsync(ImportUpload upload, CancellationToken cancellationToken) => WriteAsync(upload, cancellationToken);

    // Moves the file aside for one Apply; a second Apply of the same upload (a double click, two
    // tabs) finds no file and gets null.
    public string? Claim(ImportUpload upload)
    {
        var claimed = Path.Combine(Folder, upload.Id, "applying" + upload.Extension);
        try
        {
            File.Move(DataPath(upload), claimed);
            return claimed;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
    }

    public void DeleteFiles(ImportUpload upload)
    {
        foreach (var name in new[] { "upload", "applying" })
        {
            var path = Path.Combine(Folder, upload.Id, name + upload.Extension);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    public void Delete(string id)
    {
        if (!IdPattern().IsMatch(id))
        {
            return;
        }
        try
        {
            Directory.Delete(Path.Combine(Folder, id), recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone (applied in another request, or swept).
        }
    }

    // Deletes every upload older than the expiry; returns how many.
    public int Sweep()
    {
        var deleted = 0;
        foreach (var folder in Directory.EnumerateDirectories(Folder))
        {
            var id = Path.GetFileName(folder);
            if (!IdPattern().IsMatch(id))
            {
                continue;
            }
            var upload = Read(id);
            // A folder without its description is an upload being written this very moment.
            if (upload is not null && IsExpired(upload))
            {
                Delete(id);
                deleted++;
            }
        }
        return deleted;
    }

    public void Dispose()
    {
        if (_ownsFolder && Directory.Exists(Folder))
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open at shutdown is left to the system's temp cleanup.
            }
        }
    }

    private bool IsExpired(ImportUpload upload) => _clock.GetUtcNow().UtcDateTime - upload.CreatedUtc > _options.UploadExpiry;

    private ImportUpload? Read(string id)
    {
        try
        {
            using var stream = File.OpenRead(Path.Combine(Folder, id, InfoName));
            return JsonSerializer.Deserialize<ImportUpload>(stream, Json);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException or IOException)
        {
            return null;
        }
    }

    private async Task WriteAsync(ImportUpload upload, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Folder, upload.Id, InfoName);
        var temporary = path + ".new";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, upload, Json, cancellationToken);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnly);
        }
    }

    // The last segment of whatever the browser sent, without control characters, at most 200 characters.
    private static string DisplayName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        return name.Length <= 200 ? name : name[..200];
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
