;;; run.el --- Headless Emacs + Eglot as an LSP client of the bundled server (see emacs.test.ts)
;; Loads the configuration files in $STAR_EMACS_CONFIG (the Emacs blocks of docs/editors.md),
;; visits $STAR_EMACS_FILE, waits for the server's first diagnostics for it and writes what
;; Flymake then shows (line, column, type, text) to $STAR_EMACS_OUT as JSON, then exits.
(require 'cl-lib)
(require 'json)

(defvar star-out (or (getenv "STAR_EMACS_OUT") (error "STAR_EMACS_OUT is not set")))
;; A failing server must not hang the test run: give up, and say so, after this many seconds.
(defvar star-deadline (+ (float-time) (string-to-number (or (getenv "STAR_EMACS_TIMEOUT") "30"))))

(defun star-finish (payload)
  (with-temp-file star-out (insert (json-encode payload)))
  ;; Shut the server down as a user's Emacs would, so no reply is left to send to a dead process.
  (let ((server (ignore-errors (eglot-current-server))))
    (when server (ignore-errors (eglot-shutdown server))))
  (kill-emacs 0))

(defun star-wait (done)
  (while (and (not (funcall done)) (< (float-time) star-deadline))
    (accept-process-output nil 0.1))
  (funcall done))

(defun star-diagnostic (d)
  (let ((beg (flymake-diagnostic-beg d)))
    (save-excursion
      (goto-char beg)
      `((line . ,(line-number-at-pos))
        (column . ,(1+ (- beg (line-beginning-position))))
        (type . ,(symbol-name (flymake-diagnostic-type d)))
        (text . ,(flymake-diagnostic-text d))))))

(dolist (file (split-string (or (getenv "STAR_EMACS_CONFIG") "") path-separator t))
  (load file nil t))

(defvar star-published nil "The URI of the first publishDiagnostics Eglot handled.")
(cl-defmethod eglot-handle-notification :after
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri &allow-other-keys)
  (setq star-published (or star-published uri)))

(find-file (or (getenv "STAR_EMACS_FILE") (error "STAR_EMACS_FILE is not set")))
(unless (eq major-mode 'star-markdown-mode)
  (star-finish `((error . ,(format "the story opened in %s, not star-markdown-mode" major-mode)))))
;; eglot-ensure connects from post-command-hook, which a batch session never runs by itself.
(run-hooks 'post-command-hook)
(unless (star-wait (lambda () star-published))
  (star-finish `((error . "no diagnostics in time")
                 (events . ,(let ((b (cl-find-if (lambda (b) (string-match-p "EGLOT.*events" (buffer-name b))) (buffer-list))))
                              (if b (with-current-buffer b (buffer-string)) "no Eglot events buffer"))))))
;; Eglot hands the diagnostics to Flymake; they are what the user sees once its backend reports.
(flymake-start)
(star-wait #'flymake-diagnostics)
(star-finish `((uri . ,star-published)
               (server . ,(and (eglot-current-server) (plist-get (eglot--server-info (eglot-current-server)) :name)))
               (diagnostics . ,(vconcat (mapcar #'star-diagnostic (flymake-diagnostics))))))
