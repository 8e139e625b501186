#include "digest.h"

#include <blake2.h>
#include <openssl/evp.h>
#include <xxhash.h>
#define XXH_DISPATCH_DISABLE_REPLACE // the _dispatch functions are called by name
#include <xxh_x86dispatch.h>
#include <zlib.h>

#include <array>
#include <new>
#include <stdexcept>
#include <string>

namespace hexmap {

namespace {

constexpr std::array kAll = {DigestAlgorithm::Crc32, DigestAlgorithm::Adler32, DigestAlgorithm::Md5,
    DigestAlgorithm::Sha1, DigestAlgorithm::Sha256, DigestAlgorithm::Sha512,
    DigestAlgorithm::Sha3_256, DigestAlgorithm::Blake2b512, DigestAlgorithm::Xxh3_64,
    DigestAlgorithm::Xxh3_128};

const EVP_MD *evpOf(DigestAlgorithm algorithm)
{
    switch (algorithm) {
    case DigestAlgorithm::Md5:
        return EVP_md5();
    case DigestAlgorithm::Sha1:
        return EVP_sha1();
    case DigestAlgorithm::Sha256:
        return EVP_sha256();
    case DigestAlgorithm::Sha512:
        return EVP_sha512();
    case DigestAlgorithm::Sha3_256:
        return EVP_sha3_256();
    default:
        return nullptr;
    }
}

void appendBigEndian(std::vector<std::uint8_t> &out, std::uint64_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out.push_back(std::uint8_t(value >> (8 * i)));
}

} // namespace

struct Digest::State
{
    std::uint32_t sum = 0; // CRC-32 or Adler-32
    EVP_MD_CTX *evp = nullptr;
    XXH3_state_t *xxh = nullptr;
    blake2b_state blake2b {};

    ~State()
    {
        EVP_MD_CTX_free(evp);
        XXH3_freeState(xxh);
    }
};

Digest::Digest(DigestAlgorithm algorithm)
    : m_algorithm(algorithm)
    , m_state(std::make_unique<State>())
{
    switch (algorithm) {
    case DigestAlgorithm::Crc32:
        m_state->sum = std::uint32_t(crc32_z(0, nullptr, 0));
        break;
    case DigestAlgorithm::Adler32:
        m_state->sum = std::uint32_t(adler32_z(0, nullptr, 0));
        break;
    case DigestAlgorithm::Blake2b512:
        if (blake2b_init(&m_state->blake2b, BLAKE2B_OUTBYTES) != 0)
            throw std::runtime_error("libb2 cannot compute BLAKE2b-512");
        break;
    case DigestAlgorithm::Xxh3_64:
    case DigestAlgorithm::Xxh3_128:
        m_state->xxh = XXH3_createState();
        if (!m_state->xxh)
            throw std::bad_alloc();
        if (algorithm == DigestAlgorithm::Xxh3_64)
            XXH3_64bits_reset(m_state->xxh);
        else
            XXH3_128bits_reset(m_state->xxh);
        break;
    default:
        m_state->evp = EVP_MD_CTX_new();
        if (!m_state->evp || EVP_DigestInit_ex(m_state->evp, evpOf(algorithm), nullptr) != 1)
            throw std::runtime_error("OpenSSL cannot compute " + std::string(name(algorithm)));
    }
}

Digest::~Digest() = default;

void Digest::update(std::span<const std::uint8_t> bytes)
{
    switch (m_algorithm) {
    case DigestAlgorithm::Crc32:
        m_state->sum = std::uint32_t(crc32_z(m_state->sum, bytes.data(), bytes.size()));
        break;
    case DigestAlgorithm::Adler32:
        m_state->sum = std::uint32_t(adler32_z(m_state->sum, bytes.data(), bytes.size()));
        break;
    case DigestAlgorithm::Blake2b512:
        blake2b_update(&m_state->blake2b, bytes.data(), bytes.size());
        break;
    // libxxhash's own dispatch to the widest vector unit the CPU has, as xxhsum's
    case DigestAlgorithm::Xxh3_64:
        XXH3_64bits_update_dispatch(m_state->xxh, bytes.data(), bytes.size());
        break;
    case DigestAlgorithm::Xxh3_128:
        XXH3_128bits_update_dispatch(m_state->xxh, bytes.data(), bytes.size());
        break;
    default:
        EVP_DigestUpdate(m_state->evp, bytes.data(), bytes.size());
    }
}

std::vector<std::uint8_t> Digest::finish()
{
    std::vector<std::uint8_t> out;
    switch (m_algorithm) {
    case DigestAlgorithm::Crc32:
    case DigestAlgorithm::Adler32:
        appendBigEndian(out, m_state->sum, 4);
        break;
    case DigestAlgorithm::Blake2b512:
        out.resize(BLAKE2B_OUTBYTES);
        blake2b_final(&m_state->blake2b, out.data(), out.size());
        break;
    case DigestAlgorithm::Xxh3_64:
        appendBigEndian(out, XXH3_64bits_digest(m_state->xxh), 8);
        break;
    case DigestAlgorithm::Xxh3_128: {
        const XXH128_hash_t hash = XXH3_128bits_digest(m_state->xxh);
        appendBigEndian(out, hash.high64, 8);
        appendBigEndian(out, hash.low64, 8);
        break;
    }
    default: {
        std::array<unsigned char, EVP_MAX_MD_SIZE> digest {};
        unsigned int length = 0;
        EVP_DigestFinal_ex(m_state->evp, digest.data(), &length);
        out.assign(digest.begin(), digest.begin() + length);
    }
    }
    return out;
}

std::span<const DigestAlgorithm> Digest::all()
{
    return kAll;
}

std::string_view Digest::name(DigestAlgorithm algorithm)
{
    switch (algorithm) {
    case DigestAlgorithm::Crc32:
        return "CRC-32";
    case DigestAlgorithm::Adler32:
        return "Adler-32";
    case DigestAlgorithm::Md5:
        return "MD5";
    case DigestAlgorithm::Sha1:
        return "SHA-1";
    case DigestAlgorithm::Sha256:
        return "SHA-256";
    case DigestAlgorithm::Sha512:
        return "SHA-512";
    case DigestAlgorithm::Sha3_256:
        return "SHA3-256";
    case DigestAlgorithm::Blake2b512:
        return "BLAKE2b-512";
    case DigestAlgorithm::Xxh3_64:
        return "XXH3-64";
    case DigestAlgorithm::Xxh3_128:
        return "XXH3-128";
    }
    return "?";
}

} // namespace hexmap
