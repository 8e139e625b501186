#pragma once
// Test support: a real file with known bytes in a temporary folder, and independent
// ways to look at it (pread, stat) that do not go through the map under test.

#include "errors.h"
#include "memorymap.h"

#include <QByteArray>
#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdexcept>
#include <string>

// The bytes of the file at path as another reader sees them now: pread on a descriptor
// of its own, not through any map.
inline QByteArray fileContents(const std::string &path)
{
    const int reader = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat status = {};
    fstat(reader, &status);
    QByteArray bytes(qsizetype(status.st_size), '\0');
    const ssize_t got = pread(reader, bytes.data(), size_t(bytes.size()), 0);
    ::close(reader);
    bytes.resize(got < 0 ? 0 : qsizetype(got));
    return bytes;
}

class ScratchFile
{
public:
    // folderTemplate: where the temporary folder goes, e.g. "/dev/shm/hexmap-XXXXXX" for a
    // tmpfs (MADV_REMOVE needs one); empty: the system's temporary folder.
    explicit ScratchFile(
        const QByteArray &content, int openFlags = O_RDWR, const QString &folderTemplate = {})
        : m_dir(folderTemplate.isEmpty() ? QDir::tempPath() + QStringLiteral("/hexmap-XXXXXX")
                                         : folderTemplate)
    {
        if (!m_dir.isValid())
            throw std::runtime_error("no temporary folder");
        m_path = (m_dir.path() + QStringLiteral("/data.bin")).toStdString();
        const int writer = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (writer < 0
            || ::write(writer, content.constData(), size_t(content.size())) != content.size())
            throw std::runtime_error("cannot write " + m_path);
        ::close(writer);
        m_fd = ::open(m_path.c_str(), openFlags | O_CLOEXEC);
        if (m_fd < 0)
            throw std::runtime_error("cannot open " + m_path);
    }
    ~ScratchFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    ScratchFile(const ScratchFile &) = delete;
    ScratchFile &operator=(const ScratchFile &) = delete;

    [[nodiscard]] int fd() const { return m_fd; }
    [[nodiscard]] const std::string &path() const { return m_path; }

    // Closes the descriptor the test opened (the map may hold its own duplicate).
    void closeFd()
    {
        ::close(m_fd);
        m_fd = -1;
    }

    // The file's bytes as another reader sees them now.
    [[nodiscard]] QByteArray contents() const { return fileContents(m_path); }

    [[nodiscard]] qint64 size() const
    {
        struct stat status = {};
        stat(m_path.c_str(), &status);
        return status.st_size;
    }

    void truncate(qint64 length) const
    {
        if (::truncate(m_path.c_str(), length) != 0)
            throw std::runtime_error("cannot truncate " + m_path);
    }

    // Another program writes bytes at offset, through a descriptor of its own (pwrite).
    void writeFromOutside(qint64 offset, const QByteArray &bytes) const
    {
        const int writer = ::open(m_path.c_str(), O_WRONLY | O_CLOEXEC);
        const ssize_t wrote = pwrite(writer, bytes.constData(), size_t(bytes.size()), offset);
        ::close(writer);
        if (wrote != bytes.size())
            throw std::runtime_error("cannot write into " + m_path);
    }

    // Another program appends bytes, through a descriptor of its own (write on O_APPEND).
    void appendFromOutside(const QByteArray &bytes) const
    {
        const int writer = ::open(m_path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
        const ssize_t wrote = ::write(writer, bytes.constData(), size_t(bytes.size()));
        ::close(writer);
        if (wrote != bytes.size())
            throw std::runtime_error("cannot append to " + m_path);
    }

    // Another program truncates the file, through a descriptor of its own (ftruncate).
    void truncateFromOutside(qint64 length) const
    {
        const int writer = ::open(m_path.c_str(), O_WRONLY | O_CLOEXEC);
        const int result = ftruncate(writer, length);
        ::close(writer);
        if (result != 0)
            throw std::runtime_error("cannot truncate " + m_path);
    }

private:
    QTemporaryDir m_dir;
    std::string m_path;
    int m_fd = -1;
};

// A folder template on a tmpfs (MADV_REMOVE punches holes there), or empty if there is none.
inline QString tmpfsFolderTemplate()
{
    return QFileInfo(QStringLiteral("/dev/shm")).isWritable()
        ? QStringLiteral("/dev/shm/hexmap-XXXXXX")
        : QString();
}

// Makes a sparse file of size bytes at path; false if the filesystem cannot hold it.
inline bool createSparseFile(const QString &path, qint64 size)
{
    const int fd = ::open(path.toLocal8Bit().constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    const bool made = fd >= 0 && ftruncate(fd, size) == 0;
    if (fd >= 0)
        ::close(fd);
    return made;
}

// "Class: message" of the hexmap::Error fn throws, or "no error".
template <typename Fn> QString errorOf(Fn &&fn)
{
    try {
        fn();
    } catch (const hexmap::Error &error) {
        return QString::fromLatin1(error.pythonType()) + QStringLiteral(": ")
            + QString::fromUtf8(error.what());
    }
    return QStringLiteral("no error");
}

inline hexmap::ByteView bytesOf(const char *text)
{
    return {reinterpret_cast<const std::uint8_t *>(text), std::char_traits<char>::length(text)};
}

inline QByteArray toQByteArray(const std::vector<std::uint8_t> &bytes)
{
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}
