#!/usr/bin/env python3
"""Checks MODULE.bazel, zonelint's Bzlmod module (Bazel 6 and later).

There is no Bazel 6 here, so this is what can be checked without one: the
file is Starlark of the MODULE.bazel dialect (calls and assignments only),
calls only MODULE.bazel functions of Bazel 6 with their parameters, declares
the version `zonelint --version` prints, and each extension it uses is a
module_extension in a .bzl file of the repository that makes the
repositories it imports. Every .bzl of bazel/ must parse, extensions.bzl
included, which Bazel 4 never loads.
"""

import ast
import os
import subprocess
import sys
import unittest

RUNFILES = os.path.join(os.environ["TEST_SRCDIR"], os.environ["TEST_WORKSPACE"])


def read(path):
    with open(os.path.join(RUNFILES, path), encoding="utf-8") as f:
        return f.read()


class Extension:
    """What use_extension() returns: the extension and the repos used."""

    def __init__(self, bzl_file, name):
        self.bzl_file = bzl_file
        self.name = name
        self.repos = []


class Module:
    """Bazel 6's MODULE.bazel functions, recording their calls. Python
    checks the parameters as Starlark would: an unknown keyword, a missing
    argument or an extra positional one is a TypeError."""

    def __init__(self):
        self.module = None
        self.extensions = []

    def functions(self):
        return {
            "module": self.module_,
            "bazel_dep": self.bazel_dep,
            "use_extension": self.use_extension,
            "use_repo": self.use_repo,
            "register_toolchains": self.register,
            "register_execution_platforms": self.register,
            "local_path_override": self.local_path_override,
            "single_version_override": self.single_version_override,
        }

    def module_(self, *, name="", version="", compatibility_level=0,
                repo_name="", bazel_compatibility=()):
        if self.module is not None:
            raise ValueError("module() is called more than once")
        self.module = {"name": name, "version": version}

    def bazel_dep(self, *, name, version="", max_compatibility_level=-1,
                  repo_name="", dev_dependency=False):
        pass

    def use_extension(self, extension_bzl_file, extension_name, *,
                      dev_dependency=False, isolate=False):
        ext = Extension(extension_bzl_file, extension_name)
        self.extensions.append(ext)
        return ext

    def use_repo(self, extension_proxy, *args, **kwargs):
        extension_proxy.repos.extend(args)
        extension_proxy.repos.extend(kwargs.values())

    def register(self, *labels, dev_dependency=False):
        pass

    def local_path_override(self, *, module_name, path):
        pass

    def single_version_override(self, *, module_name, version="",
                                registry="", patches=(), patch_cmds=(),
                                patch_strip=0):
        pass


def top_level_assignments(tree):
    """name -> the value node, for `name = value` at the top of a file."""
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                isinstance(node.targets[0], ast.Name):
            out[node.targets[0].id] = node.value
    return out


class ModuleBazelTest(unittest.TestCase):

    def setUp(self):
        self.text = read("MODULE.bazel")
        self.tree = ast.parse(self.text, "MODULE.bazel")

    def test_is_module_dialect(self):
        # MODULE.bazel has no def, load, if, for, import or the like.
        for node in self.tree.body:
            ok = (isinstance(node, ast.Expr) and
                  isinstance(node.value, ast.Call)) or (
                      isinstance(node, ast.Assign) and
                      isinstance(node.value, ast.Call))
            self.assertTrue(ok, "MODULE.bazel:%d: only calls and "
                            "assignments of calls" % node.lineno)

    def test_calls_and_declarations(self):
        m = Module()
        exec(compile(self.tree, "MODULE.bazel", "exec"),
             {"__builtins__": {}, **m.functions()})
        self.assertEqual(m.module["name"], "zonelint")
        zonelint = os.path.join(RUNFILES, "zonelint")
        version = subprocess.run([zonelint, "--version"], check=True,
                                 capture_output=True,
                                 text=True).stdout.split()
        self.assertEqual(["zonelint", m.module["version"]], version)
        self.assertTrue(m.extensions, "MODULE.bazel uses no extension")
        for ext in m.extensions:
            self.assertTrue(ext.bzl_file.startswith("//"), ext.bzl_file)
            package, _, name = ext.bzl_file[2:].partition(":")
            path = os.path.join(package, name)
            tree = ast.parse(read(path), path)
            value = top_level_assignments(tree).get(ext.name)
            self.assertTrue(
                isinstance(value, ast.Call) and
                getattr(value.func, "id", "") == "module_extension",
                "%s has no module_extension named %s" % (path, ext.name))
            # The repositories it imports are made there, by name.
            made = {k.value.value for n in ast.walk(tree)
                    if isinstance(n, ast.Call) for k in n.keywords
                    if k.arg == "name" and isinstance(k.value, ast.Constant)}
            for repo in ext.repos:
                self.assertIn(repo, made, "%s makes no repository %s" %
                              (path, repo))

    def test_bzl_files_parse(self):
        names = sorted(n for n in os.listdir(os.path.join(RUNFILES, "bazel"))
                       if n.endswith(".bzl"))
        self.assertIn("extensions.bzl", names)
        for name in names:
            ast.parse(read("bazel/" + name), "bazel/" + name)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
