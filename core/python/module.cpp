// hexmap_mmap: hexmap::MemoryMap as Python's mmap module (the class mmap, error, the
// constants), with CPython's argument handling and exception classes. The GIL is
// released around find, rfind, flush and move: the core is thread-safe.

#include "constants.h"
#include "errors.h"
#include "memorymap.h"
#include "pyargs.h"

#include <pybind11/pybind11.h>

#include <algorithm>
#include <memory>
#include <string>

namespace py = pybind11;
using namespace hexmap;
using python::Arguments;
using python::BytesLike;

namespace {

// The C++ side of a Python mmap object: constructed in __new__, never empty.
struct PyMap
{
    std::unique_ptr<MemoryMap> map;
};

PyTypeObject *g_mmapType = nullptr;

// Sets the Python exception an error of the core stands for.
void setPythonError(const Error &error)
{
    if (const auto *os = dynamic_cast<const OSError *>(&error)) {
        // CPython's OSError(errno, text) prints "[Errno N] text": pass the text after it.
        std::string text = os->what();
        const std::string prefix = "[Errno " + std::to_string(os->errnum()) + "] ";
        if (text.starts_with(prefix))
            text.erase(0, prefix.size());
        PyObject *exception
            = PyObject_CallFunction(PyExc_OSError, "is", os->errnum(), text.c_str());
        if (exception != nullptr) {
            PyErr_SetObject(reinterpret_cast<PyObject *>(Py_TYPE(exception)), exception);
            Py_DECREF(exception);
        }
        return;
    }
    PyObject *type = PyExc_ValueError;
    if (dynamic_cast<const TypeError *>(&error))
        type = PyExc_TypeError;
    else if (dynamic_cast<const IndexError *>(&error))
        type = PyExc_IndexError;
    else if (dynamic_cast<const OverflowError *>(&error))
        type = PyExc_OverflowError;
    else if (dynamic_cast<const BufferError *>(&error))
        type = PyExc_BufferError;
    PyErr_SetString(type, error.what());
}

MemoryMap &mapOf(py::handle self)
{
    return *self.cast<PyMap &>().map;
}

py::bytes toBytes(const Bytes &bytes)
{
    return {reinterpret_cast<const char *>(bytes.data()), bytes.size()};
}

[[noreturn]] void raiseTypeError(const std::string &message)
{
    PyErr_SetString(PyExc_TypeError, message.c_str());
    throw py::error_already_set();
}

// mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ, access=ACCESS_DEFAULT,
// offset=0, *, trackfd=True), parsed as CPython's "in|iiiL$p": counts first, then each
// argument converted in order, unknown keywords last, with getargs.c's messages.
std::unique_ptr<MemoryMap> openMap(const py::args &args, const py::kwargs &kwargs)
{
    static constexpr const char *kNames[]
        = {"fileno", "length", "flags", "prot", "access", "offset", "trackfd"};
    constexpr std::size_t kCount = std::size(kNames);
    constexpr std::size_t kRequired = 2;
    constexpr std::size_t kPositional = 6;
    const std::size_t given = args.size() + kwargs.size();
    if (given > kCount)
        raiseTypeError("function takes at most " + std::to_string(kCount)
            + (args.empty() ? " keyword" : "") + " arguments (" + std::to_string(given)
            + " given)");
    if (args.size() > kPositional)
        raiseTypeError("function takes at most " + std::to_string(kPositional)
            + " positional arguments (" + std::to_string(args.size()) + " given)");
    int fileno = -1;
    std::int64_t length = 0;
    MapOptions options;
    // Each argument converted as soon as it is reached: a conversion may run Python code
    // (__index__), and its error comes before a later argument's.
    const auto convert = [&](std::size_t i, py::handle value) {
        switch (i) {
        case 0:
            fileno = python::toInt(value);
            break;
        case 1:
            length = python::toSsize(value);
            break;
        case 2:
            options.flags = python::toInt(value);
            break;
        case 3:
            options.prot = python::toInt(value);
            break;
        case 4:
            options.access = static_cast<Access>(python::toInt(value));
            break;
        case 5:
            options.offset = python::toLongLong(value);
            break;
        default:
            options.trackfd = python::toBool(value);
        }
    };
    std::size_t byName = 0;
    for (std::size_t i = 0; i < kCount; ++i) {
        const py::str name(kNames[i]);
        const bool named = kwargs.contains(name);
        if (i < args.size()) {
            if (named)
                raiseTypeError(std::string("argument for function given by name ('") + kNames[i]
                    + "') and position (" + std::to_string(i + 1) + ")");
            convert(i, PyTuple_GET_ITEM(args.ptr(), i));
        } else if (named) {
            convert(i, PyDict_GetItem(kwargs.ptr(), name.ptr()));
            ++byName;
        } else if (i < kRequired) {
            raiseTypeError(std::string("function missing required argument '") + kNames[i]
                + "' (pos " + std::to_string(i + 1) + ")");
        }
    }
    if (byName < kwargs.size()) {
        for (const auto &[key, unused] : kwargs) {
            const std::string name = py::str(key);
            if (std::find(std::begin(kNames), std::end(kNames), name) == std::end(kNames))
                raiseTypeError("this function got an unexpected keyword argument '" + name + "'");
        }
    }
    return std::make_unique<MemoryMap>(fileno, length, options);
}

// mmap.__new__: allocates the object as pybind11 does, then opens the map in it, so that
// a subclass's __new__ may call mmap.__new__(cls, ...) as with CPython's mmap.
py::object newMap(py::handle cls, const py::args &args, const py::kwargs &kwargs)
{
    auto *type = reinterpret_cast<PyTypeObject *>(cls.ptr());
    if (!PyType_Check(cls.ptr()) || !PyType_IsSubtype(type, g_mmapType))
        throw py::type_error("mmap.__new__(X): X is not a subtype of mmap");
    auto value = std::make_unique<PyMap>(PyMap {openMap(args, kwargs)});
    py::object self = py::reinterpret_steal<py::object>(
        g_mmapType->tp_base->tp_new(type, py::tuple().ptr(), nullptr));
    if (!self)
        throw py::error_already_set();
    auto *instance = reinterpret_cast<py::detail::instance *>(self.ptr());
    auto holder = instance->get_value_and_holder(py::detail::get_type_info(typeid(PyMap)));
    holder.value_ptr() = value.release();
    holder.type->init_instance(instance, nullptr);
    return self;
}

int getBuffer(PyObject *self, Py_buffer *view, int flags)
{
    view->obj = nullptr;
    try {
        auto exported = std::make_unique<MappedBuffer>(mapOf(self).buffer());
        const std::span<std::uint8_t> bytes = exported->bytes();
        if (PyBuffer_FillInfo(view, self, bytes.data(), static_cast<Py_ssize_t>(bytes.size()),
                exported->readOnly() ? 1 : 0, flags)
            != 0)
            return -1;
        view->internal = exported.release();
        return 0;
    } catch (const Error &error) {
        setPythonError(error);
    } catch (py::error_already_set &error) {
        error.restore();
    } catch (const std::exception &error) {
        PyErr_SetString(PyExc_SystemError, error.what());
    }
    return -1;
}

void releaseBuffer(PyObject *, Py_buffer *view)
{
    delete static_cast<MappedBuffer *>(view->internal);
}

// m[key]: an integer index or a slice, as CPython's mmap_subscript.
py::object getItem(MemoryMap &map, py::handle key)
{
    if (PyIndex_Check(key.ptr())) {
        const Py_ssize_t index = PyNumber_AsSsize_t(key.ptr(), PyExc_IndexError);
        if (index == -1 && PyErr_Occurred())
            throw py::error_already_set();
        return py::int_(map.at(index));
    }
    if (PySlice_Check(key.ptr())) {
        Py_ssize_t start = 0;
        Py_ssize_t stop = 0;
        Py_ssize_t step = 0;
        if (PySlice_Unpack(key.ptr(), &start, &stop, &step) != 0)
            throw py::error_already_set();
        return toBytes(map.slice({start, stop, step}));
    }
    throw py::type_error("mmap indices must be integers");
}

// m[key] = value, or del m[key] when value is null, as CPython's mmap_ass_subscript (in
// its order: closed, read-only, index, deletion, value).
void setItem(MemoryMap &map, py::handle key, py::handle value)
{
    const std::int64_t length = map.length();
    if (const std::exception_ptr refusal = writeRefusal(map.access()))
        std::rethrow_exception(refusal);
    if (PyIndex_Check(key.ptr())) {
        Py_ssize_t index = PyNumber_AsSsize_t(key.ptr(), PyExc_IndexError);
        if (index == -1 && PyErr_Occurred())
            throw py::error_already_set();
        if (index < 0)
            index += length;
        if (index < 0 || index >= length)
            throw py::index_error("mmap index out of range");
        if (!value)
            throw py::type_error("mmap doesn't support item deletion");
        if (!PyIndex_Check(value.ptr()))
            throw py::type_error("mmap item value must be an int");
        const Py_ssize_t byte = PyNumber_AsSsize_t(value.ptr(), PyExc_TypeError);
        if (byte == -1 && PyErr_Occurred())
            throw py::error_already_set();
        if (byte < 0 || byte > 255)
            throw py::value_error("mmap item value must be in range(0, 256)");
        map.setAt(index, static_cast<std::uint8_t>(byte));
        return;
    }
    if (!PySlice_Check(key.ptr()))
        throw py::type_error("mmap indices must be integer");
    Py_ssize_t start = 0;
    Py_ssize_t stop = 0;
    Py_ssize_t step = 0;
    if (PySlice_Unpack(key.ptr(), &start, &stop, &step) != 0)
        throw py::error_already_set();
    if (!value)
        throw py::type_error("mmap object doesn't support slice deletion");
    const BytesLike data(value);
    map.setSlice({start, stop, step}, data.bytes());
}

std::int64_t find(py::handle self, const py::args &args, bool reverse)
{
    const Arguments given(reverse ? "rfind" : "find", args, 1, 3);
    MemoryMap &map = mapOf(self);
    const BytesLike needle(given[0]);
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> end;
    if (given[1])
        start = python::toSsize(given[1]);
    if (given[2])
        end = python::toSsize(given[2]);
    py::gil_scoped_release unlocked;
    return reverse ? map.rfind(needle.bytes(), start, end) : map.find(needle.bytes(), start, end);
}

void addConstants(py::module_ &module, std::span<const SystemConstant> constants)
{
    for (const SystemConstant &constant : constants) {
        if (!constant.linuxExtra)
            module.attr(constant.name) = constant.value;
    }
}

} // namespace

PYBIND11_MODULE(hexmap_mmap, module)
{
    module.doc() = "hexmap's memory map as Python's mmap module: the same methods, defaults and "
                   "errors, without SIGBUS when a file shrinks, thread-safe, faster find.";
    py::register_exception_translator([](std::exception_ptr pointer) {
        try {
            if (pointer)
                std::rethrow_exception(pointer);
        } catch (const Error &error) {
            setPythonError(error);
        }
    });

    py::class_<PyMap> mmap(module, "mmap", py::buffer_protocol());
    g_mmapType = reinterpret_cast<PyTypeObject *>(mmap.ptr());
    // pybind11's buffer slots, replaced by ones that pin the mapping while a view lives.
    g_mmapType->tp_as_buffer->bf_getbuffer = getBuffer;
    g_mmapType->tp_as_buffer->bf_releasebuffer = releaseBuffer;
    mmap.attr("__module__") = "mmap";
    mmap.attr("__doc__") = "mmap(fileno, length[, flags[, prot[, access[, offset[, trackfd]]]]])";
    mmap.def_static("__new__", newMap);
    // Construction happens in __new__; pybind11 ignores this for a constructed object.
    mmap.def(py::init([](const py::args &, const py::kwargs &) -> PyMap * {
        throw py::type_error("mmap.__init__ without mmap.__new__");
    }));

    mmap.def("close", [](py::handle self) { mapOf(self).close(); });
    mmap.def_property_readonly("closed", [](py::handle self) { return mapOf(self).closed(); });
    mmap.def("find", [](py::handle self, const py::args &args) { return find(self, args, false); });
    mmap.def("rfind", [](py::handle self, const py::args &args) { return find(self, args, true); });
    mmap.def("flush", [](py::handle self, const py::args &args) {
        const Arguments given("flush", args, 0, 2);
        MemoryMap &map = mapOf(self);
        const std::int64_t offset = given[0] ? python::toSsize(given[0]) : 0;
        std::optional<std::int64_t> size;
        if (given[1])
            size = python::toSsize(given[1]);
        py::gil_scoped_release unlocked;
        map.flush(offset, size);
    });
    mmap.def("madvise", [](py::handle self, const py::args &args) {
        const Arguments given("madvise", args, 1, 3);
        const int option = python::toInt(given[0]);
        const std::int64_t start = given[1] ? python::toSsize(given[1]) : 0;
        std::optional<std::int64_t> length;
        if (given[2])
            length = python::toSsize(given[2]);
        mapOf(self).madvise(option, start, length);
    });
    mmap.def("move", [](py::handle self, const py::args &args) {
        const Arguments given("move", args, 3, 3);
        const std::int64_t dest = python::toSsize(given[0]);
        const std::int64_t src = python::toSsize(given[1]);
        const std::int64_t count = python::toSsize(given[2]);
        MemoryMap &map = mapOf(self);
        py::gil_scoped_release unlocked;
        map.move(dest, src, count);
    });
    mmap.def("read", [](py::handle self, const py::args &args) {
        const Arguments given("read", args, 0, 1);
        std::optional<std::int64_t> n;
        if (given[0])
            n = python::toOptionalSsize(given[0]);
        return toBytes(mapOf(self).read(n));
    });
    mmap.def("read_byte", [](py::handle self) { return mapOf(self).readByte(); });
    mmap.def("readline", [](py::handle self) { return toBytes(mapOf(self).readLine()); });
    mmap.def("resize",
        [](py::handle self, py::handle newsize) { mapOf(self).resize(python::toSsize(newsize)); });
    mmap.def("seek", [](py::handle self, const py::args &args) {
        const Arguments given("seek", args, 1, 2);
        const std::int64_t pos = python::toSsize(given[0]);
        const int whence = given[1] ? python::toInt(given[1]) : 0;
        return mapOf(self).seek(pos, whence);
    });
    mmap.def("seekable", [](py::handle self) { return mapOf(self).seekable(); });
    mmap.def("size", [](py::handle self) { return mapOf(self).size(); });
    mmap.def("tell", [](py::handle self) { return mapOf(self).tell(); });
    mmap.def("write", [](py::handle self, py::handle data) {
        const BytesLike bytes(data);
        return mapOf(self).write(bytes.bytes());
    });
    mmap.def("write_byte",
        [](py::handle self, py::handle byte) { mapOf(self).writeByte(python::toByte(byte)); });
    mmap.def("__len__", [](py::handle self) { return mapOf(self).length(); });
    mmap.def(
        "__getitem__", [](py::handle self, py::handle key) { return getItem(mapOf(self), key); });
    mmap.def("__setitem__", [](py::handle self, py::handle key, py::handle value) {
        setItem(mapOf(self), key, value);
    });
    mmap.def("__delitem__",
        [](py::handle self, py::handle key) { setItem(mapOf(self), key, py::handle()); });
    mmap.def("__enter__", [](py::handle self) {
        if (mapOf(self).closed())
            throw py::value_error("mmap closed or invalid");
        return py::reinterpret_borrow<py::object>(self);
    });
    mmap.def("__exit__", [](py::handle self, const py::args &) { mapOf(self).close(); });
    mmap.def("__repr__", [](py::handle self) {
        // CPython names the object's type: "mmap.mmap", or a subclass's name.
        std::string text = mapOf(self).repr();
        if (Py_TYPE(self.ptr()) != g_mmapType)
            text.replace(1, std::string("mmap.mmap").size(), Py_TYPE(self.ptr())->tp_name);
        return text;
    });
    mmap.def("__sizeof__", [](py::handle self) {
        return Py_TYPE(self.ptr())->tp_basicsize + sizeof(PyMap) + sizeof(MemoryMap);
    });

    module.attr("error") = py::handle(PyExc_OSError);
    module.attr("PAGESIZE") = pageSize();
    module.attr("ALLOCATIONGRANULARITY") = allocationGranularity();
    module.attr("ACCESS_DEFAULT") = static_cast<int>(Access::Default);
    module.attr("ACCESS_READ") = static_cast<int>(Access::Read);
    module.attr("ACCESS_WRITE") = static_cast<int>(Access::Write);
    module.attr("ACCESS_COPY") = static_cast<int>(Access::Copy);
    addConstants(module, protConstants());
    addConstants(module, mapConstants());
    addConstants(module, madviseConstants());
}
