#!/usr/bin/env bash
# The Emacs compilation mode (editors/emacs/zonelint.el), installed as
# README.md says and run by Debian's Emacs in batch mode: `M-x zonelint` on
# a zone file's buffer lints it into *zonelint*, and `next-error` visits
# each finding at its line and column (past tabs) with its type (error,
# warning, info). The `zonelint` on PATH is //:zonelint.
set -euo pipefail
source tests/client_test.sh

client_home
install_from_readme '**Emacs** (compilation mode)' \
  'and in `~/.emacs.d/init.el`' .emacs.d/init.el

mkdir "$TEST_TMPDIR/work"
cp -RL editors/testdata/zones "$TEST_TMPDIR/work/"
cd "$TEST_TMPDIR/work"
chmod -R u+w zones

cat >check.el <<'EOF'
;; Lints zones/example.com.zone as a user would, then walks the findings.
(defconst check-dir default-directory)
(setq compilation-skip-threshold 0)     ; infos too
(find-file "zones/example.com.zone")
(call-interactively #'zonelint)
(let ((process (get-buffer-process "*zonelint*"))
      (deadline (+ (float-time) 30)))
  (while (and (process-live-p process) (< (float-time) deadline))
    (accept-process-output process 0.1)))
(let ((out (list (format "*zonelint* mode: %s"
                         (buffer-local-value 'major-mode
                                             (get-buffer "*zonelint*")))))
      (first t))
  (condition-case err
      (while t
        (next-error 1 first)
        (setq first nil)
        (let ((message (with-current-buffer next-error-last-buffer
                         (get-text-property compilation-current-error
                                            'compilation-message))))
          (push (format "%s:%d:%d: %s, at: %s"
                        (file-relative-name buffer-file-name check-dir)
                        (line-number-at-pos)
                        (1+ (- (point) (line-beginning-position)))
                        (aref ["info" "warning" "error"]
                              (compilation--message->type message))
                        (buffer-substring (point) (line-end-position)))
                out)))
    (user-error (push (error-message-string err) out)))
  (with-temp-file (expand-file-name "result" check-dir)
    (insert (mapconcat #'identity (nreverse out) "\n") "\n")))
EOF
rc=0
timeout 45 emacs --batch -l "$HOME/.emacs.d/init.el" -l check.el </dev/null ||
  rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: emacs exited with $rc" >&2; exit 1; }

cat >expected <<'EOF'
*zonelint* mode: zonelint-compilation-mode
zones/example.com.zone:7:9: warning, at: mail.example.com
zones/example.com.zone:8:8: error, at: 192.0.2.300
zones/example.com.zone:10:30: info, at: p="
Moved past last error
EOF
diff -u expected result || { echo "FAIL: Emacs' findings differ" >&2; exit 1; }
echo PASS
