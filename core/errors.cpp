#include "errors.h"

#include <cstring>

namespace hexmap {

namespace {
std::string osErrorMessage(int errnum, std::string_view detail)
{
    std::string message = "[Errno " + std::to_string(errnum) + "] " + std::strerror(errnum);
    if (!detail.empty()) {
        message += ": ";
        message += detail;
    }
    return message;
}
} // namespace

OSError::OSError(int errnum, std::string_view detail)
    : Error(osErrorMessage(errnum, detail))
    , m_errnum(errnum)
{
}

} // namespace hexmap
