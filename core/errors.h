#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace hexmap {

// The exceptions of Python's mmap, one C++ class per Python class, with CPython's
// message text as what(). Catch hexmap::Error to catch them all.
class Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
    // The Python class this error stands for, e.g. "ValueError".
    [[nodiscard]] virtual const char *pythonType() const noexcept = 0;
};

class ValueError final : public Error
{
public:
    using Error::Error;
    [[nodiscard]] const char *pythonType() const noexcept override { return "ValueError"; }
};

class TypeError final : public Error
{
public:
    using Error::Error;
    [[nodiscard]] const char *pythonType() const noexcept override { return "TypeError"; }
};

class IndexError final : public Error
{
public:
    using Error::Error;
    [[nodiscard]] const char *pythonType() const noexcept override { return "IndexError"; }
};

class OverflowError final : public Error
{
public:
    using Error::Error;
    [[nodiscard]] const char *pythonType() const noexcept override { return "OverflowError"; }
};

class BufferError final : public Error
{
public:
    using Error::Error;
    [[nodiscard]] const char *pythonType() const noexcept override { return "BufferError"; }
};

// Python's OSError: carries errno. what() is "[Errno N] strerror(N)" as in Python,
// followed by ": detail" when the core knows more about the cause.
class OSError final : public Error
{
public:
    explicit OSError(int errnum, std::string_view detail = {});
    [[nodiscard]] const char *pythonType() const noexcept override { return "OSError"; }
    [[nodiscard]] int errnum() const noexcept { return m_errnum; }
    [[nodiscard]] std::error_code code() const noexcept
    {
        return {m_errnum, std::generic_category()};
    }

private:
    int m_errnum;
};

} // namespace hexmap
