using System.Buffers.Binary;
using System.Text;

namespace Wampy.Authentication;

/// <summary>Reads the Ed25519 seed out of an unencrypted OpenSSH private key file (openssh-key-v1).</summary>
internal static class OpenSshKey
{
    private static readonly byte[] Magic = "openssh-key-v1\0"u8.ToArray();

    public static byte[] ReadEd25519Seed(string pem, string path)
    {
        var body = pem
            .Replace("-----BEGIN OPENSSH PRIVATE KEY-----", string.Empty, StringComparison.Ordinal)
            .Replace("-----END OPENSSH PRIVATE KEY-----", string.Empty, StringComparison.Ordinal);
        ReadOnlySpan<byte> data = Convert.FromBase64String(body);
        if (!data.StartsWith(Magic))
        {
            throw Invalid(path, "not an openssh-key-v1 file");
        }

        data = data[Magic.Length..];
        var cipher = ReadString(ref data);
        ReadString(ref data); // kdf name
        ReadString(ref data); // kdf options
        if (cipher != "none")
        {
            throw Invalid(path, $"the key is encrypted ({cipher}); decrypt it with 'ssh-keygen -p' first");
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(data) != 1)
        {
            throw Invalid(path, "it holds more than one key");
        }

        data = data[4..];
        ReadBlob(ref data); // public key
        var section = ReadBlob(ref data);
        section = section[8..]; // two check integers
        var type = ReadString(ref section);
        if (type != "ssh-ed25519")
        {
            throw Invalid(path, $"the key is {type}, not ssh-ed25519");
        }

        ReadBlob(ref section); // public key again
        var privateKey = ReadBlob(ref section); // seed (32) + public key (32)
        return privateKey.Length == 64 ? privateKey[..32].ToArray() : throw Invalid(path, "the Ed25519 private key is malformed");
    }

    private static string ReadString(ref ReadOnlySpan<byte> data) => Encoding.ASCII.GetString(ReadBlob(ref data));

    private static ReadOnlySpan<byte> ReadBlob(ref ReadOnlySpan<byte> data)
    {
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
        var blob = data.Slice(4, length);
        data = data[(4 + length)..];
        return blob;
    }

    private static ArgumentException Invalid(string path, string reason) => new($"'{path}' is not a usable OpenSSH Ed25519 private key: {reason}.");
}
