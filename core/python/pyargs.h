#pragma once
// Python's argument conversions for the mmap module, as CPython's PyArg_Parse formats
// do them: the same accepted types, and TypeError/OverflowError with CPython's
// messages otherwise. Each raises py::error_already_set.

#include <pybind11/pybind11.h>

#include <cstdint>
#include <optional>
#include <span>

namespace hexmap::python {

namespace py = pybind11;

// "n": an object with __index__, as a Py_ssize_t.
[[nodiscard]] std::int64_t toSsize(py::handle value);
// "i": an object with __index__, as a C int.
[[nodiscard]] int toInt(py::handle value);
// "L": an object with __index__, as a long long.
[[nodiscard]] std::int64_t toLongLong(py::handle value);
// "b": an object with __index__ in [0, 255].
[[nodiscard]] std::uint8_t toByte(py::handle value);
// Python's truth value ("p").
[[nodiscard]] bool toBool(py::handle value);
// None or an integer (CPython's _Py_convert_optional_to_ssize_t).
[[nodiscard]] std::optional<std::int64_t> toOptionalSsize(py::handle value);

// "y*": a bytes-like object's bytes, held (and released) for this object's lifetime.
// Destroy it with the GIL held.
class BytesLike
{
public:
    explicit BytesLike(py::handle value);
    ~BytesLike();
    BytesLike(const BytesLike &) = delete;
    BytesLike &operator=(const BytesLike &) = delete;
    [[nodiscard]] std::span<const std::uint8_t> bytes() const;

private:
    Py_buffer m_view;
};

// The positional arguments of a method called name, checked as PyArg_ParseTuple does
// ("find expected at most 3 arguments, got 4").
class Arguments
{
public:
    Arguments(const char *name, const py::args &args, std::size_t required, std::size_t most);
    // The i-th argument, or null when it was not given.
    [[nodiscard]] py::handle operator[](std::size_t i) const;

private:
    const py::args &m_args;
};

} // namespace hexmap::python
