#pragma once

namespace hexmap::detail {

// Runs fn(context) so that a SIGBUS raised while it touches mapped memory (the file
// shrank underneath, or the disk is full when a page must be allocated) returns here
// instead of killing the process. Returns nullptr when fn completed, or the address
// that faulted. SIGBUS outside a guarded call goes to the handler installed before
// ours (or the default action).
//
// fn's frames are abandoned on a fault (siglongjmp): they must own no object with a
// destructor. Calls do not nest.
const void *runGuarded(void (*fn)(void *), void *context) noexcept;

// Calls runGuarded with any callable (captures by reference only, see above).
template <typename Callable> const void *runGuarded(Callable &callable) noexcept
{
    return runGuarded([](void *context) { (*static_cast<Callable *>(context))(); }, &callable);
}

} // namespace hexmap::detail
