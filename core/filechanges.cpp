#include "filechanges.h"

#include <array>
#include <string>

#include <sys/inotify.h>
#include <unistd.h>

namespace hexmap {

FileChanges::FileChanges(int fd)
{
    m_inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (m_inotify < 0)
        return;
    // The descriptor's /proc link names the file itself, even once renamed or deleted.
    const std::string link = "/proc/self/fd/" + std::to_string(fd);
    if (inotify_add_watch(m_inotify, link.c_str(), IN_MODIFY) < 0) {
        ::close(m_inotify);
        m_inotify = -1;
    }
}

FileChanges::~FileChanges()
{
    if (m_inotify >= 0)
        ::close(m_inotify);
}

bool FileChanges::changed()
{
    if (m_inotify < 0)
        return true;
    bool any = false;
    alignas(inotify_event) std::array<char, 4096> buffer {};
    while (read(m_inotify, buffer.data(), buffer.size()) > 0)
        any = true; // only IN_MODIFY is watched: any event is a change
    return any;
}

} // namespace hexmap
