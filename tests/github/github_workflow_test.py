#!/usr/bin/env python3
"""The GitHub Actions workflow of README.md's Integration section, run as
GitHub's runner would run it, on a repository whose zones have findings in
several files and of several rules:

- a `run:` step runs with `bash -e` in the checkout, with GITHUB_WORKSPACE
  and GITHUB_PATH set as the runner sets them (a directory that a step
  appends to GITHUB_PATH is on PATH in the steps after it), and the job
  stops at the first step that fails;
- actions/checkout is the repository this test lays out;
- github/codeql-action/upload-sarif gets its file checked as code scanning
  takes it: against the SARIF 2.1.0 schema (third_party/sarif, with
  python3-jsonschema) and by Microsoft's SARIF validator, Sarif.Multitool,
  with its SARIF and GitHub rules.

The `--format=github` step must print what GitHub's own @actions/core
writes for the same findings, and the SARIF fingerprints must not change
when lines move.
"""

import json
import os
import re
import shutil
import subprocess
import unittest

import jsonschema
import yaml

RUNFILES = os.path.join(os.environ["TEST_SRCDIR"], "zonelint")
TMP = os.environ["TEST_TMPDIR"]
NPM = "/opt/zonelint-npm/node_modules"  # tools/setup.sh installs it
MULTITOOL = NPM + "/@microsoft/sarif-multitool-linux/Sarif.Multitool"
ACTIONS_CORE = NPM + "/@actions/core/lib/core.js"
BASE_PATH = "/usr/local/bin:/usr/bin:/bin"

# Errors, warnings and infos of nine rules in three files, one of them with
# ',' and ':' in its name, and messages with '%' in them.
ZONES = {
    "example.com.zone": """\
$ORIGIN example.com.
$TTL 3600
@       SOA   ns1 hostmaster 1 7200 3600 1209600 300
@       NS    ns1
ns1     A     192.0.2.300
@       MX    10 mail.example.com
mail    A     192.0.2.25
@       TXT   "v=spf1 mx ~all"
""",
    "db.example.net": """\
$ORIGIN example.net.
$TTL 3600
@       SOA   ns1 hostmaster 1 7200 3600 1209600 300
@       NS    ns1
ns1     A     192.0.2.1
@       MX    10 ns1
@       TXT   "v=spf1 a:100%.example.net -all"
_dmarc  TXT   "v=DMARC1; p=quarantine; rua=dmarc@example.net"
sel._domainkey TXT "v=DKIM1; k=rsa; p=MIGfMA0"
""",
    "odd,name:v1.zone": """\
$ORIGIN example.org.
$TTL 3600
@       SOA   ns1 hostmaster 1 7200 3600 1209600 300
@       NS    ns1
ns1     A     192.0.2.1
www     CNAME @
www     A     192.0.2.2
@       MX    10 www
""",
}


def readme_workflow():
    """The workflow after '**GitHub Actions**' in the Integration section."""
    with open(os.path.join(RUNFILES, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    integration = readme.split("\n## Integration\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"\*\*GitHub Actions\*\*.*?```yaml\n(.*?)```",
                      integration, re.S)
    assert block, "no GitHub Actions workflow in the README's Integration"
    return yaml.safe_load(block.group(1))


def make_repository(name):
    """A checkout: zones/ and the static binary at bin/zonelint."""
    repo = os.path.join(TMP, name)
    shutil.rmtree(repo, ignore_errors=True)
    os.makedirs(os.path.join(repo, "zones"))
    os.makedirs(os.path.join(repo, "bin"))
    for file, text in ZONES.items():
        with open(os.path.join(repo, "zones", file), "w") as f:
            f.write(text)
    shutil.copy(os.path.join(RUNFILES, "zonelint"),
                os.path.join(repo, "bin", "zonelint"))
    return repo


def run_shell(script, repo, github_path):
    """A `run:` step as the runner runs it (`bash -e {0}`)."""
    with open(github_path) as f:
        added = [line for line in f.read().splitlines() if line]
    env = {
        "PATH": ":".join(list(reversed(added)) + [BASE_PATH]),
        "HOME": TMP,
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": repo,
        "GITHUB_PATH": github_path,
    }
    script_file = os.path.join(TMP, "step.sh")
    with open(script_file, "w") as f:
        f.write(script)
    return subprocess.run(["bash", "-e", script_file], cwd=repo, env=env,
                          capture_output=True, text=True)


def schema_errors(sarif):
    path = os.path.join(RUNFILES, "third_party/sarif/sarif-2.1.0.json")
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(sarif)]


def multitool_problems(sarif_file):
    """Errors and warnings of Microsoft's validator, SARIF and GitHub rules."""
    assert os.access(MULTITOOL, os.X_OK), (
        f"{MULTITOOL} is missing: run tools/setup.sh")
    out = os.path.join(TMP, "validation.sarif")
    if os.path.exists(out):
        os.remove(out)
    env = {"PATH": BASE_PATH, "HOME": TMP, "TMPDIR": TMP,
           "DOTNET_CLI_TELEMETRY_OPTOUT": "1"}
    proc = subprocess.run(
        [MULTITOOL, "validate", "--rule-kind", "Sarif;Gh", "--output", out,
         sarif_file], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and os.path.exists(out), (
        proc.stdout + proc.stderr)
    with open(out, encoding="utf-8") as f:
        log = json.load(f)
    problems = []
    for result in log["runs"][0].get("results", []):
        # Without --level the validator reports errors and warnings only;
        # its notes are suggestions (message ids, snippets, reachable URIs).
        problems.append(f"{result['ruleId']} {result.get('level')}: "
                        f"{result['message'].get('arguments')}")
    return problems


def upload_sarif(step, repo):
    """What upload-sarif would send, checked as code scanning takes it."""
    sarif_file = os.path.join(repo, step["with"]["sarif_file"])
    with open(sarif_file, encoding="utf-8") as f:
        sarif = json.load(f)
    return sarif, schema_errors(sarif), multitool_problems(sarif_file)


def fingerprints(sarif):
    """(path, rule) -> sorted zonelint/v1 fingerprints, with the lines."""
    out = {}
    for r in sarif["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]
        key = (loc["artifactLocation"]["uri"], r["ruleId"])
        out.setdefault(key, []).append(
            (r["partialFingerprints"]["zonelint/v1"],
             loc["region"]["startLine"]))
    return out


class GithubWorkflowTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.workflow = readme_workflow()
        job, = cls.workflow["jobs"].values()
        cls.steps = job["steps"]
        cls.job = job

    def test_workflow_runs_on_push_and_may_upload(self):
        # PyYAML reads the key `on` as True (YAML 1.1).
        triggers = self.workflow.get("on", self.workflow.get(True))
        self.assertIn("push", triggers)
        self.assertEqual(self.job["permissions"]["security-events"], "write")
        self.assertTrue(self.steps[0]["uses"].startswith("actions/checkout@"))

    def test_steps_as_the_runner_runs_them(self):
        repo = make_repository("repo")
        github_path = os.path.join(TMP, "github_path")
        open(github_path, "w").close()
        ran = []
        for step in self.steps:
            uses = step.get("uses", "")
            if uses.startswith("actions/checkout@"):
                ran.append((step, None))
            elif uses.startswith("github/codeql-action/upload-sarif@"):
                sarif, errors, problems = upload_sarif(step, repo)
                self.assertEqual(errors, [], "SARIF 2.1.0 schema")
                self.assertEqual(problems, [], "Sarif.Multitool validate")
                results = sarif["runs"][0]["results"]
                self.assertEqual(len(results), 10)
                self.assertEqual(len({r["ruleId"] for r in results}), 9)
                # Findings with fixes (the missing dot, ~all): SARIF
                # "fixes", checked by the schema and the validator too.
                fixed = {r["ruleId"]: r["fixes"] for r in results
                         if "fixes" in r}
                self.assertEqual(sorted(fixed), ["spf-softfail-all",
                                                 "zone-missing-trailing-dot"])
                self.assertEqual(
                    len({r["locations"][0]["physicalLocation"]
                         ["artifactLocation"]["uri"] for r in results}), 3)
                ran.append((step, None))
            else:
                self.assertNotIn("uses", step, "an action this test does "
                                 "not know")
                proc = run_shell(step["run"], repo, github_path)
                ran.append((step, proc))
                if proc.returncode != 0:
                    break  # the runner stops the job here
        # Every step ran, and only the last one failed: on the findings.
        self.assertEqual(len(ran), len(self.steps))
        for step, proc in ran[:-1]:
            if proc is not None:
                self.assertEqual(proc.returncode, 0, proc.stderr)
        last, proc = ran[-1]
        self.assertIn("--format=github", last["run"])
        self.assertEqual(proc.returncode, 1, proc.stderr)
        self.assertEqual(proc.stderr, "")

        # The annotations are what @actions/core writes for the same
        # findings, read from --format=json.
        as_json = run_shell(last["run"].replace("--format=github",
                                                "--format=json"),
                            repo, github_path)
        expected = subprocess.run(
            ["node", os.path.join(RUNFILES, "tests/github",
                                  "actions_core_annotations.mjs"),
             ACTIONS_CORE],
            input=as_json.stdout, capture_output=True, text=True,
            env={"PATH": BASE_PATH, "HOME": TMP})
        self.assertEqual(expected.returncode, 0, expected.stderr)
        self.assertEqual(len(expected.stdout.splitlines()), 10)
        self.assertEqual(proc.stdout, expected.stdout)
        self.assertIn("file=zones/odd%2Cname%3Av1.zone,", proc.stdout)
        self.assertIn("'%25' must start a macro", proc.stdout)

    def test_fingerprints_survive_lines_moved_above(self):
        sarif_step = next(s for s in self.steps
                          if "--format=sarif" in s.get("run", ""))
        upload = next(s for s in self.steps if s.get("uses", "").startswith(
            "github/codeql-action/upload-sarif@"))
        sarif_file = upload["with"]["sarif_file"]
        repo = make_repository("moved")
        github_path = os.path.join(TMP, "github_path_moved")
        with open(github_path, "w") as f:
            f.write(os.path.join(repo, "bin") + "\n")

        def lint():
            proc = run_shell(sarif_step["run"], repo, github_path)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            with open(os.path.join(repo, sarif_file), encoding="utf-8") as f:
                return fingerprints(json.load(f))

        before = lint()
        zone = os.path.join(repo, "zones", "example.com.zone")
        with open(zone, "r+") as f:
            text = f.read()
            f.seek(0)
            f.write("; two lines\n; added above\n" + text)
        after = lint()
        self.assertEqual(before.keys(), after.keys())
        for key in before:
            moved = 2 if key[0] == "zones/example.com.zone" else 0
            self.assertEqual(
                [(fp, line + moved) for fp, line in before[key]], after[key],
                key)


if __name__ == "__main__":
    unittest.main()
