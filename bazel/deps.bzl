"""The external repositories zonelint's BUILD files need, for a WORKSPACE.

In a workspace that has zonelint as a repository named "zonelint":

    load("@zonelint//bazel:deps.bzl", "zonelint_dependencies")

    zonelint_dependencies()

Nothing is downloaded: Debian's /usr is @system (the libraries zonelint links,
see third_party/system.BUILD), and minimal stand-ins from zonelint's
third_party/bazel/ are @rules_cc, @rules_java and @remote_coverage_tools,
which Bazel 4's own @bazel_tools would otherwise fetch from the network. A
repository the workspace already defines before the call is kept as it is.
"""

load("@bazel_tools//tools/build_defs/repo:utils.bzl", "maybe")

# Labels in zonelint's own repository, wherever this file is loaded from (the
# main repository in zonelint's workspace, @zonelint in a user's).
_ZONELINT_WORKSPACE = Label("//:WORKSPACE")
_SYSTEM_BUILD = Label("//third_party:system.BUILD")

def _directory_repository_impl(rctx):
    path = rctx.attr.path
    if not path.startswith("/"):
        path = "%s/%s" % (rctx.path(_ZONELINT_WORKSPACE).dirname, path)
    directory = rctx.path(path)
    if not directory.exists:
        fail("%s: no such directory" % path)
    own = ["BUILD", "BUILD.bazel", "WORKSPACE"] if rctx.attr.build_file else []
    for entry in directory.readdir():
        if entry.basename not in own:
            rctx.symlink(entry, entry.basename)
    if rctx.attr.build_file:
        rctx.symlink(rctx.attr.build_file, "BUILD.bazel")
        rctx.file("WORKSPACE", 'workspace(name = "%s")\n' % rctx.name)

directory_repository = repository_rule(
    implementation = _directory_repository_impl,
    doc = """A local directory as a repository, as new_local_repository makes
    one, but with its path absolute or relative to zonelint's root (a
    WORKSPACE macro cannot know where @zonelint is; this rule can).""",
    attrs = {
        "path": attr.string(
            mandatory = True,
            doc = "an absolute path, or one relative to zonelint's root",
        ),
        "build_file": attr.label(
            allow_single_file = True,
            doc = "the repository's BUILD file (else the directory's own)",
        ),
    },
    local = True,
)

def system_repository(name):
    """@system: Debian's /usr, with zonelint's BUILD file for it."""
    directory_repository(name = name, path = "/usr", build_file = _SYSTEM_BUILD)

def zonelint_dependencies():
    """Defines @system and the offline stand-ins zonelint needs to build."""
    for name in ["rules_cc", "rules_java", "remote_coverage_tools"]:
        maybe(
            directory_repository,
            name = name,
            path = "third_party/bazel/" + name,
        )
    maybe(system_repository, name = "system")
