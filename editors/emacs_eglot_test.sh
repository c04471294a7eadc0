#!/usr/bin/env bash
# zonelint lsp in Emacs 28 with eglot 1.9 (Debian's), configured as
# README.md says and run in batch mode in a workspace of two zones: the
# zone opens in dns-mode, eglot starts `zonelint lsp`, Flymake gets the
# findings (one about the other zone) at their columns (Emacs counts
# characters: past a tab, an "é" and an emoji, which the protocol counts
# as two); `eglot-code-actions` applies the suppression quick
# fix and its finding goes; an edit brings a new finding, and an edit to
# the other zone's buffer removes the cross-zone one. The `zonelint` on
# PATH is //:zonelint.
set -euo pipefail
source tests/client_test.sh

client_home
mkdir -p "$HOME/.emacs.d"
readme_block README.md '**Emacs** with eglot' >"$HOME/.emacs.d/init.el"

mkdir "$TEST_TMPDIR/work"
cp -RL editors/testdata/lsp/. "$TEST_TMPDIR/work/"
cd "$TEST_TMPDIR/work"
chmod -R u+w .

cat >check.el <<'EOF'
;; -*- lexical-binding: t -*-
(require 'cl-lib)
(defconst check-dir default-directory)
(defvar check-out nil)
(defun check-log (&rest args) (push (apply #'format args) check-out))
(defun check-finish ()
  (with-temp-file (expand-file-name "result" check-dir)
    (insert (mapconcat #'identity (nreverse check-out) "\n") "\n"))
  (kill-emacs 0))
(defun check-send-changes ()
  "Sends the edits eglot holds, as its idle timer would (batch mode is
never idle)."
  (dolist (buffer (buffer-list))
    (with-current-buffer buffer
      (when (bound-and-true-p eglot--managed-mode)
        (eglot--signal-textDocument/didChange)))))
(defun check-wait (what pred)
  "Waits up to 20 s for PRED, reading the server."
  (let ((deadline (+ (float-time) 20)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (check-send-changes)
      (accept-process-output nil 0.05)))
  (unless (funcall pred)
    (check-log "timed out waiting for %s" what)
    (check-finish)))
(defun check-diags (buffer)
  "BUFFER's Flymake diagnostics as (LINE COL TYPE TEXT), sorted."
  (with-current-buffer buffer
    (sort (mapcar (lambda (d)
                    (save-excursion
                      (goto-char (flymake-diagnostic-beg d))
                      (list (line-number-at-pos)
                            (1+ (- (point) (line-beginning-position)))
                            (flymake-diagnostic-type d)
                            (car (split-string (flymake-diagnostic-text d)
                                               "\n")))))
                  (flymake-diagnostics))
          (lambda (a b) (or (< (car a) (car b))
                            (and (= (car a) (car b))
                                 (< (cadr a) (cadr b))))))))
(defun check-on-line (buffer line)
  (cl-find line (check-diags buffer) :key #'car))
(defun check-open (file)
  (find-file file)
  ;; eglot-ensure starts the server after the next command: run it now.
  (run-hooks 'post-command-hook)
  (current-buffer))

(defconst a (check-open "a.example.zone"))
(check-log "mode %s" major-mode)
(check-wait "the server" (lambda () (eglot-current-server)))
(check-wait "diagnostics" (lambda () (flymake-start) (check-diags a)))
(dolist (d (check-diags a)) (check-log "open %d:%d %s %s" (nth 0 d) (nth 1 d)
                                       (nth 2 d) (nth 3 d)))

;; The suppression quick fix on line 8, chosen by its title.
(goto-char (point-min))
(forward-line 7)
(let ((last-nonmenu-event 0))  ; a menu by completing-read, not a popup
  (cl-letf (((symbol-function 'completing-read)
             (lambda (_prompt collection &rest _)
               (let ((title "Disable zone-missing-trailing-dot for this line"))
                 (check-log "%s: %s" (if (assoc title collection)
                                         "offered" "not offered")
                            title)
                 title))))
    (eglot-code-actions (line-beginning-position) (line-end-position) nil t)))
(check-log "line 8 now: %s"
           (buffer-substring (line-beginning-position) (line-end-position)))
(check-wait "the finding on line 8 to go"
            (lambda () (not (check-on-line a 8))))
(check-log "line 8: no finding")

;; An edit: a new finding on the new line.
(goto-char (point-max))
(insert "new\tMX\t10 mx.example.net\n")
(check-wait "the new finding" (lambda () (check-on-line a 11)))
(let ((d (check-on-line a 11)))
  (check-log "edited %d:%d %s %s" (nth 0 d) (nth 1 d) (nth 2 d) (nth 3 d)))

;; The other zone, edited in its buffer: the MX target exists now.
(with-current-buffer (check-open "b.example.zone")
  (goto-char (point-max))
  (insert "mail\tA\t192.0.2.25\n"))
(check-wait "the cross-zone finding to go"
            (lambda () (not (check-on-line a 6))))
(check-log "other zone edited: no finding on line 6")
(check-finish)
EOF

rc=0
# As at an interactive start: the installed packages (eglot) first.
timeout 90 emacs --batch -f package-activate-all -l "$HOME/.emacs.d/init.el" -l check.el \
  </dev/null >emacs.log 2>&1 || rc=$?
[ "$rc" -eq 0 ] || { cat emacs.log; echo "FAIL: emacs exited with $rc" >&2; exit 1; }

cat >expected <<'EOF'
mode dns-mode
open 6:9 eglot-error zonelint [mx-target-no-address]: MX target 'mail.b.example.' does not exist in zone 'b.example.', so mail for 'a.example.' cannot be delivered to it
open 8:11 eglot-warning zonelint [zone-missing-trailing-dot]: 'host.example.net' has no trailing dot, so it means 'host.example.net.a.example.', and the zone has no names under 'net.a.example.'
open 9:11 eglot-warning zonelint [zone-missing-trailing-dot]: 'files.example.net' has no trailing dot, so it means 'files.example.net.a.example.', and the zone has no names under 'net.a.example.'
open 10:13 eglot-warning zonelint [zone-missing-trailing-dot]: 'x.example.net' has no trailing dot, so it means 'x.example.net.a.example.', and the zone has no names under 'net.a.example.'
offered: Disable zone-missing-trailing-dot for this line
line 8 now: www	CNAME	host.example.net ; zonelint-disable-line zone-missing-trailing-dot
line 8: no finding
edited 11:11 eglot-warning zonelint [zone-missing-trailing-dot]: 'mx.example.net' has no trailing dot, so it means 'mx.example.net.a.example.', and the zone has no names under 'net.a.example.'
other zone edited: no finding on line 6
EOF
diff -u expected result || { cat emacs.log; echo "FAIL: Emacs' diagnostics differ" >&2; exit 1; }
echo PASS
