"""@shared: the corpora in ../shared beside the project, when they are there.

new_local_repository(path = "../shared") fails every target that depends on
it when a plain clone has no ../shared. This rule instead always creates the
repository: it links corpus/ and bench/ to ../shared/corpus and
../shared/bench, whether they exist or not, and uses build_file (the
filegroups of third_party/shared.BUILD, all globs). Without ../shared the
links dangle and every filegroup is empty: everything still builds, and the
corpus tests skip (tests/conformance/corpus.h).

Nothing is cached by mistake when ../shared appears or disappears: the globs
follow the links to paths outside the workspace, which Bazel checks for
changes on every command (as it does for new_local_repository), so the rule
itself never needs to run again.
"""

# The entries of ../shared that shared.BUILD's filegroups read.
_ENTRIES = ["corpus", "bench"]

def _shared_repository_impl(rctx):
    project = rctx.path(Label("//:WORKSPACE")).dirname
    shared = "%s/shared" % project.dirname
    for entry in _ENTRIES:
        rctx.symlink("%s/%s" % (shared, entry), entry)
    rctx.symlink(rctx.path(rctx.attr.build_file), "BUILD.bazel")
    rctx.file("WORKSPACE", 'workspace(name = "%s")\n' % rctx.name)

shared_repository = repository_rule(
    implementation = _shared_repository_impl,
    attrs = {
        "build_file": attr.label(allow_single_file = True, mandatory = True),
    },
    doc = "The ../shared corpora, or empty filegroups when there are none.",
)
