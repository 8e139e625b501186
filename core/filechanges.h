#pragma once

namespace hexmap {

// Tells whether anyone wrote to or truncated a file (write(2), truncate(2), fallocate)
// since the last look, through inotify on the file a descriptor refers to — whatever
// its path is now. Stores through a shared map are not seen: those are the map's own.
class FileChanges
{
public:
    // Watches the file fd refers to. Without inotify (or for a non-file), changed()
    // always answers true: nothing can be promised about the file.
    explicit FileChanges(int fd);
    ~FileChanges();
    FileChanges(const FileChanges &) = delete;
    FileChanges &operator=(const FileChanges &) = delete;

    // Reads what has happened since the last call: true when the file was written,
    // truncated or replaced its data meanwhile.
    [[nodiscard]] bool changed();

private:
    int m_inotify = -1;
};

} // namespace hexmap
