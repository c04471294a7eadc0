// ParallelFor: runs independent pieces of work on the machine's cores. Used
// where a huge zone has many records to parse the same way (the SPF, DKIM
// and DMARC records of the mail views); small inputs run on the caller's
// thread alone.
#ifndef ZONELINT_UTIL_PARALLEL_H_
#define ZONELINT_UTIL_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace zonelint {

// Calls fn(begin, end) over consecutive chunks of `chunk` indexes (the last
// may be shorter) that together cover [0, n), on up to four threads (the
// caller's among them, each given at least four chunks), and returns when
// all are done. A chunk is 1024 small items, or 1 when each is large (a
// file to parse). fn must be safe to call concurrently on disjoint chunks; what
// it writes for index i should go to slot i of storage sized beforehand, so the
// result does not depend on the scheduling. One ParallelFor runs at a time in
// the process: a call made while another runs (from inside fn, or from
// another thread) runs on its caller's thread alone.
void ParallelFor(size_t n, const std::function<void(size_t, size_t)>& fn,
                 size_t chunk = 1024);

}  // namespace zonelint

#endif  // ZONELINT_UTIL_PARALLEL_H_
