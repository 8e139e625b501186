#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

namespace hexmap {

// The hashes and checksums hexmap offers, in the order the UI lists them.
enum class DigestAlgorithm {
    Crc32,
    Adler32,
    Md5,
    Sha1,
    Sha256,
    Sha512,
    Sha3_256,
    Blake2b512,
    Xxh3_64,
    Xxh3_128,
};

// One running hash or checksum, fed in pieces: zlib for CRC-32 and Adler-32, OpenSSL's
// libcrypto for the cryptographic digests, libxxhash for XXH3 (each the fastest widely
// packaged implementation). The digest comes out big-endian, as the usual tools print
// it (crc32, sha256sum, xxhsum). No Qt: the UI feeds it windows of the map.
class Digest
{
public:
    explicit Digest(DigestAlgorithm algorithm);
    ~Digest();
    Digest(const Digest &) = delete;
    Digest &operator=(const Digest &) = delete;

    void update(std::span<const std::uint8_t> bytes);
    // The digest of everything given to update(); the Digest is spent afterwards.
    [[nodiscard]] std::vector<std::uint8_t> finish();

    [[nodiscard]] DigestAlgorithm algorithm() const { return m_algorithm; }

    // Every algorithm, in the order of the enum.
    [[nodiscard]] static std::span<const DigestAlgorithm> all();
    // The name people know it by, e.g. "SHA-256".
    [[nodiscard]] static std::string_view name(DigestAlgorithm algorithm);

private:
    struct State;
    DigestAlgorithm m_algorithm;
    std::unique_ptr<State> m_state;
};

} // namespace hexmap
