"""zonelint's own C++ rules: Bazel's, with the C++ standard of its sources.

Every BUILD file of the project loads cc_library, cc_binary and cc_test from
here. The standard is set on the targets themselves, not only in .bazelrc,
because a workspace that builds zonelint as an external repository
(@zonelint, see deps.bzl) reads its own .bazelrc, not zonelint's, and its C++
toolchain's default (-std=c++0x with Bazel 4's gcc) cannot compile zonelint.
"""

_CXX_STANDARD = ["-std=c++20"]

def cc_binary(copts = [], **kwargs):
    native.cc_binary(copts = _CXX_STANDARD + copts, **kwargs)

def cc_library(copts = [], **kwargs):
    native.cc_library(copts = _CXX_STANDARD + copts, **kwargs)

def cc_test(copts = [], **kwargs):
    native.cc_test(copts = _CXX_STANDARD + copts, **kwargs)
