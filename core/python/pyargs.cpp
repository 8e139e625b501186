#include "pyargs.h"

#include <limits>
#include <string>

namespace hexmap::python {

namespace {

// The integer value of an object with __index__ (TypeError otherwise).
py::int_ index(py::handle value)
{
    PyObject *result = PyNumber_Index(value.ptr());
    if (result == nullptr)
        throw py::error_already_set();
    return py::reinterpret_steal<py::int_>(result);
}

// As a C long, which "i", "b" and "L" convert through (their OverflowError says "C
// long"; a long is a long long on 64-bit Linux).
long toLong(py::handle value)
{
    const py::int_ integer = index(value);
    const long result = PyLong_AsLong(integer.ptr());
    if (result == -1 && PyErr_Occurred())
        throw py::error_already_set();
    return result;
}

[[noreturn]] void raise(PyObject *type, const char *message)
{
    PyErr_SetString(type, message);
    throw py::error_already_set();
}

} // namespace

std::int64_t toSsize(py::handle value)
{
    const py::int_ integer = index(value);
    const Py_ssize_t result = PyLong_AsSsize_t(integer.ptr());
    if (result == -1 && PyErr_Occurred())
        throw py::error_already_set();
    return result;
}

int toInt(py::handle value)
{
    const long result = toLong(value);
    if (result > std::numeric_limits<int>::max())
        raise(PyExc_OverflowError, "signed integer is greater than maximum");
    if (result < std::numeric_limits<int>::min())
        raise(PyExc_OverflowError, "signed integer is less than minimum");
    return static_cast<int>(result);
}

std::int64_t toLongLong(py::handle value)
{
    return toLong(value);
}

std::uint8_t toByte(py::handle value)
{
    const long result = toLong(value);
    if (result < 0)
        raise(PyExc_OverflowError, "unsigned byte integer is less than minimum");
    if (result > 255)
        raise(PyExc_OverflowError, "unsigned byte integer is greater than maximum");
    return static_cast<std::uint8_t>(result);
}

bool toBool(py::handle value)
{
    const int truth = PyObject_IsTrue(value.ptr());
    if (truth < 0)
        throw py::error_already_set();
    return truth != 0;
}

std::optional<std::int64_t> toOptionalSsize(py::handle value)
{
    if (value.is_none())
        return std::nullopt;
    if (!PyIndex_Check(value.ptr())) {
        PyErr_Format(PyExc_TypeError, "argument should be integer or None, not '%.200s'",
            Py_TYPE(value.ptr())->tp_name);
        throw py::error_already_set();
    }
    const Py_ssize_t result = PyNumber_AsSsize_t(value.ptr(), PyExc_OverflowError);
    if (result == -1 && PyErr_Occurred())
        throw py::error_already_set();
    return result;
}

BytesLike::BytesLike(py::handle value)
{
    if (PyObject_GetBuffer(value.ptr(), &m_view, PyBUF_SIMPLE) != 0)
        throw py::error_already_set();
}

BytesLike::~BytesLike()
{
    PyBuffer_Release(&m_view);
}

std::span<const std::uint8_t> BytesLike::bytes() const
{
    return {static_cast<const std::uint8_t *>(m_view.buf), static_cast<std::size_t>(m_view.len)};
}

Arguments::Arguments(const char *name, const py::args &args, std::size_t required, std::size_t most)
    : m_args(args)
{
    const std::size_t given = args.size();
    if (given > most) {
        PyErr_Format(PyExc_TypeError, "%s expected at most %zu argument%s, got %zu", name, most,
            most == 1 ? "" : "s", given);
        throw py::error_already_set();
    }
    if (given < required) {
        PyErr_Format(PyExc_TypeError, "%s expected at least %zu argument%s, got %zu", name,
            required, required == 1 ? "" : "s", given);
        throw py::error_already_set();
    }
}

py::handle Arguments::operator[](std::size_t i) const
{
    return i < m_args.size() ? py::handle(PyTuple_GET_ITEM(m_args.ptr(), i)) : py::handle();
}

} // namespace hexmap::python
