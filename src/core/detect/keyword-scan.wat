;; The keyword automaton's pass over a text (prefilter.ts, KeywordPrefilter.scanFlat), in WebAssembly:
;; the same loop in JavaScript ran at about half this speed, as every character paid for the string's
;; and the typed arrays' checks. Assembled by scripts/build-wasm.mjs into keyword-scan-wasm.ts.
;;
;; Memory, laid out by prefilter.ts (byte addresses):
;;   0 ..            the transition table: a state is the byte address of its row (state 0 at 0), and
;;                   row + 4 * class holds the next state, negated when keywords end there;
;;   classOf ..      one byte a UTF-16 code unit (65,536): its class (0 for any unit in no keyword);
;;   starts, rules   the rules whose keywords end in state s: rules[starts[s] .. starts[s + 1]), where
;;                   s is the state's row number (its address / rowBytes), 4 bytes an entry;
;;   lastLine        a rule's last line with a hit (reset to -1 by the caller), 4 bytes a rule;
;;   hits .. hitsEnd where the hits go, 16 bytes a hit: line, line start, offset after the keyword, rule;
;;   text .. end     the text's UTF-16 code units, little-endian.
;; Returns how many 4-byte integers it wrote to hits, or -1 when they did not fit (the caller makes
;; room and calls again).
(module
  (memory (export "memory") 1)
  (func (export "findHits")
    (param $text i32) (param $end i32) (param $classOf i32) (param $starts i32) (param $rules i32)
    (param $rowBytes i32) (param $lastLine i32) (param $hits i32) (param $hitsEnd i32) (param $ahead i32)
    (result i32)
    (local $at i32) (local $code i32) (local $state i32) (local $line i32) (local $lineStart i32)
    (local $out i32) (local $k i32) (local $last i32) (local $rule i32) (local $row i32)
    ;; Read ahead: one load a cache line of the table's first $ahead bytes (the shallow states' rows,
    ;; where most steps land). The scan's own reads wait on each other; these do not, so they cost about
    ;; one miss together, where the rule work between two texts had pushed the table out of the cache.
    (block $warm
      (loop $touch
        (br_if $warm (i32.ge_u (local.get $at) (local.get $ahead)))
        (local.set $state (i32.or (local.get $state) (i32.load (local.get $at))))
        (local.set $at (i32.add (local.get $at) (i32.const 64)))
        (br $touch)))
    (local.set $state (i32.and (local.get $state) (i32.const 0)))
    (local.set $at (local.get $text))
    (local.set $lineStart (local.get $text))
    (local.set $out (local.get $hits))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $code (i32.load16_u (local.get $at)))
        (local.set $at (i32.add (local.get $at) (i32.const 2)))
        ;; A keyword never spans lines: the automaton starts again after each "\n".
        (if (i32.eq (local.get $code) (i32.const 10))
          (then
            (local.set $line (i32.add (local.get $line) (i32.const 1)))
            (local.set $lineStart (local.get $at))
            (local.set $state (i32.const 0))
            (br $next)))
        (local.set $state
          (i32.load
            (i32.add
              (local.get $state)
              (i32.shl (i32.load8_u (i32.add (local.get $classOf) (local.get $code))) (i32.const 2)))))
        (if (i32.lt_s (local.get $state) (i32.const 0))
          (then
            (local.set $state (i32.sub (i32.const 0) (local.get $state)))
            ;; Keywords end here: each of their rules, once a line.
            (local.set $row (i32.shl (i32.div_u (local.get $state) (local.get $rowBytes)) (i32.const 2)))
            (local.set $k (i32.load (i32.add (local.get $starts) (local.get $row))))
            (local.set $last (i32.load offset=4 (i32.add (local.get $starts) (local.get $row))))
            (block $listed
              (loop $each
                (br_if $listed (i32.ge_u (local.get $k) (local.get $last)))
                (local.set $rule (i32.load (i32.add (local.get $rules) (i32.shl (local.get $k) (i32.const 2)))))
                (if (i32.ne (i32.load (i32.add (local.get $lastLine) (i32.shl (local.get $rule) (i32.const 2)))) (local.get $line))
                  (then
                    (if (i32.gt_u (i32.add (local.get $out) (i32.const 16)) (local.get $hitsEnd))
                      (then (return (i32.const -1))))
                    (i32.store (i32.add (local.get $lastLine) (i32.shl (local.get $rule) (i32.const 2))) (local.get $line))
                    (i32.store (local.get $out) (local.get $line))
                    (i32.store offset=4 (local.get $out) (i32.shr_u (i32.sub (local.get $lineStart) (local.get $text)) (i32.const 1)))
                    (i32.store offset=8 (local.get $out) (i32.shr_u (i32.sub (local.get $at) (local.get $text)) (i32.const 1)))
                    (i32.store offset=12 (local.get $out) (local.get $rule))
                    (local.set $out (i32.add (local.get $out) (i32.const 16)))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $each)))))
        (br $next)))
    (i32.shr_u (i32.sub (local.get $out) (local.get $hits)) (i32.const 2))))
