#include "faultguard.h"

#include <atomic>
#include <csetjmp>
#include <csignal>
#include <mutex>

namespace hexmap::detail {

namespace {

struct GuardSlot
{
    sigjmp_buf jump;
    volatile std::sig_atomic_t active = 0;
    const void *volatile faultAddress = nullptr;
};

thread_local GuardSlot t_slot;
struct sigaction g_previous = {};

// Hands a SIGBUS that is not ours to whoever had it before.
void chainToPrevious(int signal, siginfo_t *info, void *ucontext)
{
    if (g_previous.sa_flags & SA_SIGINFO) {
        g_previous.sa_sigaction(signal, info, ucontext);
        return;
    }
    if (g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN) {
        g_previous.sa_handler(signal);
        return;
    }
    // Default action: a fault repeats on return and kills the process; a sent signal
    // must be raised again.
    std::signal(signal, SIG_DFL);
    if (info->si_code <= 0)
        std::raise(signal);
}

void onSigbus(int signal, siginfo_t *info, void *ucontext)
{
    GuardSlot &slot = t_slot;
    if (slot.active && info->si_code > 0) {
        slot.active = 0;
        slot.faultAddress = info->si_addr;
        siglongjmp(slot.jump, 1);
    }
    chainToPrevious(signal, info, ucontext);
}

void installHandler()
{
    struct sigaction action = {};
    action.sa_sigaction = onSigbus;
    sigemptyset(&action.sa_mask);
    // SA_NODEFER: we leave the handler by siglongjmp without restoring the signal
    // mask (sigsetjmp(…, 0) is much cheaper), so SIGBUS must not stay blocked.
    action.sa_flags = SA_SIGINFO | SA_NODEFER | SA_ONSTACK;
    sigaction(SIGBUS, &action, &g_previous);
}

} // namespace

const void *runGuarded(void (*fn)(void *), void *context) noexcept
{
    static std::once_flag installed;
    std::call_once(installed, installHandler);

    GuardSlot &slot = t_slot;
    if (sigsetjmp(slot.jump, 0) != 0)
        return slot.faultAddress;
    slot.faultAddress = nullptr;
    slot.active = 1;
    std::atomic_signal_fence(std::memory_order_seq_cst);
    fn(context);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    slot.active = 0;
    return nullptr;
}

} // namespace hexmap::detail
