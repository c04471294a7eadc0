"""zonelint_test: a Bazel test that lints DNS zone files with zonelint.

    load("@zonelint//bazel:defs.bzl", "zonelint_test")

    zonelint_test(
        name = "zones_test",
        srcs = glob(["zones/*.zone"]),
    )

The test fails when zonelint finds something at or above its fail level
(default: a warning); its log lists the findings as
file:line:col: severity: message [rule]. The zones are linted together, as
one set (names, includes and MX targets resolve across them). `args` go to
zonelint before the files, e.g. ["--fail-level=error"] or
["--disable=dmarc-missing"]. The workspace needs zonelint's repositories:
see deps.bzl.
"""

def _shell_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"

def _rlocation_path(ctx, file):
    # The file's path under the runfiles root, as rlocation takes it.
    if file.short_path.startswith("../"):
        return file.short_path[len("../"):]
    return ctx.workspace_name + "/" + file.short_path

def _zonelint_test_impl(ctx):
    zonelint = ctx.executable._zonelint
    runner = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.expand_template(
        template = ctx.file._runner,
        output = runner,
        substitutions = {
            "%ZONELINT%": _rlocation_path(ctx, zonelint),
            "%SRCS%": " ".join([
                _shell_quote(f.short_path)
                for f in ctx.files.srcs
            ]),
        },
        is_executable = True,
    )
    runfiles = ctx.runfiles(
        files = [zonelint] + ctx.files.srcs + ctx.files.data,
    )
    runfiles = runfiles.merge(ctx.attr._zonelint[DefaultInfo].default_runfiles)
    runfiles = runfiles.merge(
        ctx.attr._bash_runfiles[DefaultInfo].default_runfiles,
    )
    return [DefaultInfo(executable = runner, runfiles = runfiles)]

_zonelint_test = rule(
    implementation = _zonelint_test_impl,
    test = True,
    attrs = {
        "srcs": attr.label_list(
            allow_files = True,
            allow_empty = False,
            mandatory = True,
            doc = "The zone files, linted together as one set.",
        ),
        "data": attr.label_list(
            allow_files = True,
            doc = "Other files zonelint reads: $INCLUDEd files, " +
                  "--spf-costs tables.",
        ),
        "_zonelint": attr.label(
            default = Label("//:zonelint"),
            executable = True,
            cfg = "target",
        ),
        "_runner": attr.label(
            default = Label("//bazel:zonelint_test.sh.tpl"),
            allow_single_file = True,
        ),
        "_bash_runfiles": attr.label(
            default = Label("@bazel_tools//tools/bash/runfiles"),
        ),
    },
)

def zonelint_test(name, size = "small", **kwargs):
    """Lints zone files (srcs, with data) with zonelint; fails on findings.

    A small test (one minute) by default: zonelint takes seconds even on a
    zone of a million records.
    """
    _zonelint_test(name = name, size = size, **kwargs)
