#include "slice.h"

#include "errors.h"

#include <limits>

namespace hexmap {

namespace {
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

// Negative bounds count from the end; then clamp into the range the step can use.
std::int64_t adjustBound(std::int64_t bound, std::int64_t length, std::int64_t step)
{
    if (bound < 0) {
        bound += length;
        if (bound < 0)
            bound = step < 0 ? -1 : 0;
    } else if (bound >= length) {
        bound = step < 0 ? length - 1 : length;
    }
    return bound;
}
} // namespace

SliceRange resolveSlice(const Slice &slice, std::int64_t length)
{
    std::int64_t step = slice.step.value_or(1);
    if (step == 0)
        throw ValueError("slice step cannot be zero");
    if (step < -kMax)
        step = -kMax; // so that -step cannot overflow
    const std::int64_t start = adjustBound(slice.start.value_or(step < 0 ? kMax : 0), length, step);
    const std::int64_t stop
        = adjustBound(slice.stop.value_or(step < 0 ? kMin : kMax), length, step);

    std::int64_t count = 0;
    if (step < 0 && stop < start)
        count = (start - stop - 1) / -step + 1;
    else if (step > 0 && start < stop)
        count = (stop - start - 1) / step + 1;
    return {start, step, count};
}

} // namespace hexmap
