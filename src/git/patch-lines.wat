;; The lines of a plain diff's hunk (patch.ts, parseCommitPatch), in WebAssembly: nearly every line of a
;; history is one, and in JavaScript each cost a search for its end and a copy, both calls into the
;; runtime. Assembled by scripts/build-wasm.mjs into patch-lines-wasm.ts.
;;
;; Memory, laid out by patch.ts (byte addresses):
;;   0 .. 44         the reading's state, 4-byte integers, read and written here (see STATE in patch.ts):
;;                   0 next line's start, 1 patch length, 2 old lines left, 3 new lines left, 4 next new
;;                   line's number, 5 file text's start (-1: no line yet), 6 file text's end, 7 where the
;;                   characters were last counted (from), 8 bytes allowed past it before they are counted
;;                   again, 9 line numbers written, 10 whether the added lines are kept (0: a file
;;                   skipped as too large, or lines outside any file: only counted);
;;   64 .. 65536     the added lines' numbers, 4 bytes each (LINE_ROOM of them);
;;   65536 ..        the patch's bytes. Offsets in the state count from here.
;; An added line is moved to the end of the file's text so far, followed by "\n" (its "\r" left out),
;; exactly as patch.ts's addLine does. Returns why it stopped: 0 the hunk's lines are read (or the patch
;; ended), 1 the text passed the allowance (patch.ts counts its characters), 2 the line numbers' room is
;; full.
(module
  (memory (export "memory") 2)
  (func (export "readHunk") (result i32)
    (local $pos i32) (local $length i32) (local $oldLeft i32) (local $newLeft i32) (local $newLine i32)
    (local $textStart i32) (local $textEnd i32) (local $counted i32) (local $allowance i32) (local $lines i32)
    (local $keep i32) (local $lineStart i32) (local $end i32) (local $first i32) (local $from i32) (local $to i32) (local $why i32) (local $mask i32)
    (local.set $pos (i32.load (i32.const 0)))
    (local.set $length (i32.load (i32.const 4)))
    (local.set $oldLeft (i32.load (i32.const 8)))
    (local.set $newLeft (i32.load (i32.const 12)))
    (local.set $newLine (i32.load (i32.const 16)))
    (local.set $textStart (i32.load (i32.const 20)))
    (local.set $textEnd (i32.load (i32.const 24)))
    (local.set $counted (i32.load (i32.const 28)))
    (local.set $allowance (i32.load (i32.const 32)))
    (local.set $lines (i32.load (i32.const 36)))
    (local.set $keep (i32.load (i32.const 40)))
    (block $stop
      (loop $next
        ;; The hunk's lines are read, or the patch has ended (a last empty line counts, as in patch.ts).
        (br_if $stop (i32.and (i32.le_s (local.get $newLeft) (i32.const 0)) (i32.le_s (local.get $oldLeft) (i32.const 0))))
        (br_if $stop (i32.gt_u (local.get $pos) (local.get $length)))
        (local.set $lineStart (local.get $pos))
        (local.set $end (local.get $pos))
        (block $found
          ;; Sixteen bytes at a time while sixteen are left, then one at a time.
          (loop $wide
            (br_if $found
              (i32.gt_u (i32.add (local.get $end) (i32.const 16)) (local.get $length)))
            (local.set $mask
              (i8x16.bitmask (i8x16.eq (v128.load offset=65536 (local.get $end)) (i8x16.splat (i32.const 10)))))
            (if (local.get $mask)
              (then
                (local.set $end (i32.add (local.get $end) (i32.ctz (local.get $mask))))
                (br $found)))
            (local.set $end (i32.add (local.get $end) (i32.const 16)))
            (br $wide)))
        (block $found
          (loop $scan
            (br_if $found (i32.ge_u (local.get $end) (local.get $length)))
            (br_if $found (i32.eq (i32.load8_u offset=65536 (local.get $end)) (i32.const 10)))
            (local.set $end (i32.add (local.get $end) (i32.const 1)))
            (br $scan)))
        (local.set $pos (i32.add (local.get $end) (i32.const 1)))
        (local.set $first
          (if (result i32) (i32.gt_u (local.get $end) (local.get $lineStart))
            (then (i32.load8_u offset=65536 (local.get $lineStart)))
            (else (i32.const -1))))
        ;; "\ No newline at end of file": about the line before, not a line.
        (br_if $next (i32.eq (local.get $first) (i32.const 92)))
        (if (i32.eq (local.get $first) (i32.const 45))
          (then
            (local.set $oldLeft (i32.sub (local.get $oldLeft) (i32.const 1)))
            (br $next)))
        (if (i32.and (i32.eq (local.get $first) (i32.const 43)) (i32.eqz (local.get $keep)))
          (then
            (local.set $newLine (i32.add (local.get $newLine) (i32.const 1)))
            (local.set $newLeft (i32.sub (local.get $newLeft) (i32.const 1)))
            (br $next)))
        (if (i32.eq (local.get $first) (i32.const 43))
          (then
            (local.set $from (i32.add (local.get $lineStart) (i32.const 1)))
            (local.set $to (local.get $end))
            ;; CRLF: the "\r" is the line's ending, not its content.
            (if (i32.gt_u (local.get $to) (local.get $from))
              (then
                (if (i32.eq (i32.load8_u offset=65535 (local.get $to)) (i32.const 13))
                  (then (local.set $to (i32.sub (local.get $to) (i32.const 1)))))))
            (if (i32.lt_s (local.get $textStart) (i32.const 0))
              (then
                ;; The first line stays where it is; the next ones follow it.
                (local.set $textStart (local.get $from))
                (local.set $textEnd (local.get $from))
                (local.set $counted (local.get $from)))
              (else
                (if (i32.ne (local.get $from) (local.get $textEnd))
                  (then
                    (memory.copy
                      (i32.add (local.get $textEnd) (i32.const 65536))
                      (i32.add (local.get $from) (i32.const 65536))
                      (i32.sub (local.get $to) (local.get $from)))))))
            (local.set $textEnd (i32.add (local.get $textEnd) (i32.sub (local.get $to) (local.get $from))))
            ;; Where the line's own "\n" (or "\r") was, or before; past the end for a last line without one.
            (if (i32.lt_u (local.get $textEnd) (local.get $length))
              (then (i32.store8 offset=65536 (local.get $textEnd) (i32.const 10))))
            (local.set $textEnd (i32.add (local.get $textEnd) (i32.const 1)))
            (i32.store offset=64 (i32.shl (local.get $lines) (i32.const 2)) (local.get $newLine))
            (local.set $lines (i32.add (local.get $lines) (i32.const 1)))
            (local.set $newLine (i32.add (local.get $newLine) (i32.const 1)))
            (local.set $newLeft (i32.sub (local.get $newLeft) (i32.const 1)))
            (if (i32.gt_s (i32.sub (local.get $textEnd) (local.get $counted)) (local.get $allowance))
              (then (local.set $why (i32.const 1)) (br $stop)))
            (if (i32.ge_u (local.get $lines) (i32.const 16368))
              (then (local.set $why (i32.const 2)) (br $stop)))
            (br $next)))
        ;; Any other line (context, or an empty one) is in both the old file and the new.
        (local.set $oldLeft (i32.sub (local.get $oldLeft) (i32.const 1)))
        (local.set $newLine (i32.add (local.get $newLine) (i32.const 1)))
        (local.set $newLeft (i32.sub (local.get $newLeft) (i32.const 1)))
        (br $next)))
    (i32.store (i32.const 0) (local.get $pos))
    (i32.store (i32.const 8) (local.get $oldLeft))
    (i32.store (i32.const 12) (local.get $newLeft))
    (i32.store (i32.const 16) (local.get $newLine))
    (i32.store (i32.const 20) (local.get $textStart))
    (i32.store (i32.const 24) (local.get $textEnd))
    (i32.store (i32.const 28) (local.get $counted))
    (i32.store (i32.const 36) (local.get $lines))
    (local.get $why)))
