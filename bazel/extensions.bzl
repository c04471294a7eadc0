"""zonelint's module extension, for Bzlmod (Bazel 6 and later; see
//:MODULE.bazel): the @system repository zonelint's BUILD files use, as
zonelint_dependencies() (deps.bzl) defines it in a WORKSPACE. Bazel's own
module brings the real rules_cc and rules_java, so no stand-ins are needed.
"""

load(":deps.bzl", "system_repository")

def _zonelint_impl(module_ctx):
    system_repository(name = "system")

zonelint = module_extension(implementation = _zonelint_impl)
